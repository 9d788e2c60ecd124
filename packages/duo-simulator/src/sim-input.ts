import { readFileSync } from 'node:fs';
import { formatIssues } from '@seatwise/sim-http/zod-issues';
import type { z } from 'zod';

// Input handling both simulators share (the PSA simulator imports it): option errors that name every
// bad option, and the --config file reader.

// Bad flags (exit 2 from the CLI).
export class UsageError extends Error {}

// Invalid options; the message names every bad option.
export class OptionsError extends Error {}

export function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new OptionsError(`invalid ${what}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

export function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`--config ${path}: not a JSON object`);
  }
  return { ...(parsed as Record<string, unknown>) }; // checked to be a plain object just above
}

interface Configurable<T> {
  configure(value: T): void;
}

// The runtime knobs both simulators expose (in process and on /_sim): new faults and rate limits, each
// validated before it takes effect.
export function tuningControls<F, R>(
  faults: Configurable<F>,
  limiter: Configurable<R | false>,
  schemas: { faults: z.ZodType<F>; rateLimits: z.ZodType<R> },
): { setFaults: (value: unknown) => void; setRateLimits: (value: unknown) => void } {
  return {
    setFaults: (value) => {
      faults.configure(validated(schemas.faults, value, 'faults'));
    },
    setRateLimits: (value) => {
      limiter.configure(value === false ? false : validated(schemas.rateLimits, value, 'rate limits'));
    },
  };
}
