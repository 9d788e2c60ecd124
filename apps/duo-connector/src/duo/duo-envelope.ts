import { z } from 'zod';
import { DuoApiError } from './duo-errors';
import type { TransportResponse } from './duo-transport';

const failureSchema = z.object({
  stat: z.literal('FAIL'),
  code: z.number().int(),
  message: z.string().optional(),
  message_detail: z.string().nullable().optional(),
});

const successSchema = z.object({
  stat: z.literal('OK'),
  response: z.unknown().refine((v) => v !== undefined, 'response is missing'),
  metadata: z.unknown().optional(),
});

export interface DuoSuccess {
  response: unknown;
  /** Top-level metadata (offset-paged lists); undefined when absent. */
  metadata: unknown;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Turns one HTTP response into Duo's success payload or a DuoApiError. A failure envelope is trusted whatever the
 * status or content-type (its code is the most precise signal); a success must be 2xx + application/json + a
 * well-formed `{stat: OK, response}`. Body text never goes into the error: it may hold user data.
 */
export function parseEnvelope(res: TransportResponse): DuoSuccess {
  const ok = res.status >= 200 && res.status < 300;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch (error) {
    if (ok) throw DuoApiError.malformed(res.status, `body is not JSON: ${errorText(error)}`, error);
    throw DuoApiError.fromFailure(res.status, null, null, 'body is not JSON');
  }
  const failure = failureSchema.safeParse(body);
  if (failure.success) {
    const f = failure.data;
    throw DuoApiError.fromFailure(res.status, f.code, f.message ?? null, f.message_detail ?? null);
  }
  if (!ok) throw DuoApiError.fromFailure(res.status, null, null, 'no Duo failure envelope');
  if (res.contentType === null || !JSON_TYPE.test(res.contentType)) {
    throw DuoApiError.malformed(res.status, `content-type is ${res.contentType ?? 'missing'}, not application/json`);
  }
  const success = successSchema.safeParse(body);
  if (!success.success) throw DuoApiError.malformed(res.status, `not a Duo envelope: ${issues(success.error)}`);
  return { response: success.data.response, metadata: success.data.metadata };
}

/** Validates an endpoint's payload; a mismatch is a malformed response (retryable, as truncation often is). */
export function parseShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw DuoApiError.malformed(200, `unexpected ${what}: ${issues(parsed.error)}`);
  return parsed.data;
}

function issues(error: z.ZodError): string {
  // Paths and messages only, never the offending values (they may be user data).
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
