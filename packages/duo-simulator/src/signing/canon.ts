import { createHash } from 'node:crypto';

/** Request parameters as decoded from the wire: key → values in arrival order (keys may repeat, e.g. next_offset). */
export type Params = Map<string, string[]>;

/**
 * Duo's percent-encoding: only A-Z a-z 0-9 - _ . ~ stay literal, everything else is %XX (upper-case hex) of the
 * UTF-8 bytes, space included (%20, never +). encodeURIComponent leaves !'()* alone, so those are fixed up.
 */
export function duoEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Decodes an application/x-www-form-urlencoded string (query or v2 POST body). Clients put spaces on the wire as
 * `+` (python urlencode) or `%20` (node querystring) and escape !'()* differently, so the signature can only be
 * checked after decoding and re-encoding canonically. Throws URIError on malformed %-escapes.
 */
export function parseParams(raw: string): Params {
  const params: Params = new Map();
  if (raw === '') return params;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    const values = params.get(key);
    if (values) values.push(value);
    else params.set(key, [value]);
  }
  return params;
}

/** Code-unit comparison, so 'foo' < 'foo_bar' exactly as Duo's clients sort. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The canonical parameter line. Python/go sort a repeated key's values, node keeps them in given order; the caller
 * tries both (see verify.ts) because the wire order alone cannot tell which one the client signed.
 */
export function canonParams(params: Params, sortValues: boolean): string {
  const encoded = [...params.entries()].map(([key, values]) => ({
    key: duoEncode(key),
    values: (sortValues ? [...values].sort(compareStrings) : values).map(duoEncode),
  }));
  encoded.sort((a, b) => compareStrings(a.key, b.key));
  return encoded.flatMap(({ key, values }) => values.map((value) => `${key}=${value}`)).join('&');
}

export function sha512Hex(data: string | Buffer): string {
  return createHash('sha512').update(data).digest('hex');
}

/**
 * v5 header line input: headers named x-duo* (lower-cased), sorted by name, flattened as name\0value\0… with no
 * trailing NUL. duo_hmac_python uses the `x-duo` prefix (python/ruby clients `x-duo-`); accepting the wider prefix
 * verifies both since none of them sends a header like `x-duofoo`.
 */
export function canonXDuoHeaders(headers: Record<string, string | string[] | undefined>): string {
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-duo'))
    .sort(compareStrings);
  return names
    .flatMap((name) => {
      const value = headers[name];
      return [name, Array.isArray(value) ? value.join(', ') : (value ?? '')];
    })
    .join('\0');
}
