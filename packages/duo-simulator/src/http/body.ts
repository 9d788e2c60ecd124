import type { IncomingMessage } from 'node:http';
import { parseParams, type Params } from '../signing/canon';
import { badParam } from '../errors';

function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}

function decode(raw: string): Params {
  try {
    return parseParams(raw);
  } catch {
    throw badParam('malformed percent-encoding in parameters');
  }
}

/** The params v2 signs: the query, plus the form body of a form POST (JSON bodies are signed by hash only). */
export function signedParams(req: IncomingMessage, query: string, body: string): Params {
  const params = decode(query);
  if (!isJson(req) && body !== '') for (const [k, v] of decode(body)) params.set(k, [...(params.get(k) ?? []), ...v]);
  return params;
}

/** Params the endpoint sees: signed params plus the top-level members of a v5 JSON body. */
export function effectiveParams(req: IncomingMessage, signed: Params, body: string): Params {
  if (!isJson(req) || body.trim() === '') return signed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw badParam('request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badParam('JSON body must be an object');
  }
  const params = new Map(signed);
  for (const [k, v] of Object.entries(parsed)) {
    const values: unknown[] = Array.isArray(v) ? v : [v];
    params.set(k, values.map(String));
  }
  return params;
}
