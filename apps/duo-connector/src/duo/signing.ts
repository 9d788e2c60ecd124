import { createHash, createHmac } from 'node:crypto';

/** Request parameters: a key maps to one value or to repeated values (sent as repeated keys). */
export type DuoParams = Readonly<Record<string, string | readonly string[]>>;

export type SignatureVersion = 2 | 5;
export type V2Digest = 'sha512' | 'sha1';

/** The two headers that carry a signature; `date` must be sent verbatim as the `Date` header. */
export interface DuoSignedHeaders {
  authorization: string;
  date: string;
}

export interface SignInput {
  ikey: string;
  skey: string;
  method: string;
  /** The API hostname WITHOUT port; lower-cased here, as every Duo client does. */
  host: string;
  path: string;
  params: DuoParams;
  /** A Date is formatted with formatDuoDate; a string is signed and sent as given. */
  date: Date | string;
}

/**
 * Duo's percent-encoding (facts §1.3): only A-Z a-z 0-9 - _ . ~ stay literal; everything else becomes %XX of the
 * UTF-8 bytes with upper-case hex. encodeURIComponent already does that except for !'()*, fixed up here.
 */
function duoEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Code-unit order, so 'foo' < 'foo_bar' as in every Duo client.
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The canonical parameter line: pairs sorted by encoded key (python and the server-side sort encoded keys; node
 * sorts raw keys, which only differs for exotic keys we never send), repeated values kept in the given order
 * (like node; Duo accepts both orders), joined with '&'. Also used as the query string and the v2 form body.
 */
export function canonParams(params: DuoParams): string {
  const entries = Object.entries(params).map(([key, value]) => ({
    key: duoEncode(key),
    values: (typeof value === 'string' ? [value] : value).map(duoEncode),
  }));
  entries.sort((a, b) => compare(a.key, b.key));
  return entries.flatMap(({ key, values }) => values.map((v) => `${key}=${v}`)).join('&');
}

/** RFC 2822 date in UTC as python's formatdate() prints it: `Tue, 01 Jul 2025 12:00:00 -0000`. */
export function formatDuoDate(date: Date): string {
  // toUTCString is locale-independent (English names), which Duo requires (a localized day name → 40104).
  return date.toUTCString().replace(/GMT$/, '-0000');
}

export function sha512Hex(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('hex');
}

function authorization(ikey: string, skey: string, algorithm: V2Digest, canonical: string): string {
  const signature = createHmac(algorithm, skey).update(canonical, 'utf8').digest('hex');
  return `Basic ${Buffer.from(`${ikey}:${signature}`, 'utf8').toString('base64')}`;
}

function dateText(date: Date | string): string {
  return typeof date === 'string' ? date : formatDuoDate(date);
}

function v2Lines(input: SignInput, date: string): string[] {
  return [date, input.method.toUpperCase(), input.host.toLowerCase(), input.path, canonParams(input.params)];
}

/** v2: date, METHOD, host, path, params; HMAC-SHA512 by default (node/go), SHA1 for legacy setups. */
export function signV2(input: SignInput & { digest?: V2Digest }): DuoSignedHeaders {
  const date = dateText(input.date);
  const canonical = v2Lines(input, date).join('\n');
  return { authorization: authorization(input.ikey, input.skey, input.digest ?? 'sha512', canonical), date };
}

/**
 * v5: v2's lines plus sha512(body) and sha512 of the x-duo header blob. We send no x-duo headers, so that line
 * is the hash of '' (as node and go do). For POST the params live in the JSON body and `params` must be {}.
 */
export function signV5(input: SignInput & { body: string }): DuoSignedHeaders {
  const date = dateText(input.date);
  const canonical = [...v2Lines(input, date), sha512Hex(input.body), sha512Hex('')].join('\n');
  return { authorization: authorization(input.ikey, input.skey, 'sha512', canonical), date };
}
