import type { z } from 'zod';
import { AppError, ErrorCodes } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-catalog';
import { describeIssues, formatIssues } from './zod-issues';

// Parses at a boundary and turns zod's error into a coded AppError with readable paths.
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  code: ErrorCode = ErrorCodes.VALIDATION_FAILED,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError(code, `Invalid ${what}: ${formatIssues(result.error)}`, describeIssues(result.error));
}

// JSON text as a value for a schema to judge: text that is not JSON becomes undefined, which every message schema
// refuses with a clear issue, instead of an exception from the transport's callback.
export function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
