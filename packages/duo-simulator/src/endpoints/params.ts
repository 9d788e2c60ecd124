import type { Params } from '../signing/canon';
import { badParam } from '../errors';

/** The single value of a parameter; a repeated scalar parameter is a bad request. */
export function single(params: Params, name: string): string | undefined {
  const values = params.get(name);
  if (values === undefined) return undefined;
  if (values.length !== 1) throw badParam(`'${name}' must be given once`);
  return values[0];
}

/** A non-negative integer parameter, or the default when absent. */
export function intParam(params: Params, name: string, fallback: number): number {
  const raw = single(params, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw badParam(`'${name}' must be a non-negative integer`);
  return Number(raw);
}

/**
 * Page size: a value above the maximum is clamped, not rejected (Duo's paging rule, fact sheet 4.1/4.2);
 * zero or non-numeric is a 40002.
 */
export function limitParam(params: Params, fallback: number, max: number): number {
  const limit = intParam(params, 'limit', fallback);
  if (limit < 1) throw badParam("'limit' must be a positive integer");
  return Math.min(limit, max);
}
