import { createHmac, timingSafeEqual } from 'node:crypto';
import { DuoError } from '../errors';
import { canonParams, canonXDuoHeaders, sha512Hex, type Params } from './canon';
import { parseRfc2822 } from './date';

export interface SignedRequest {
  method: string;
  /** Host header value as received (may carry a port). */
  hostHeader: string;
  path: string;
  /** Params that v2 signs: the query for GET/DELETE, the form body for form POSTs, nothing for JSON POSTs. */
  params: Params;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface VerifyOptions {
  now: number;
  /** Allowed |server clock − request date|. UNCONFIRMED at Duo; see README. */
  maxSkewMs: number;
  secretFor: (ikey: string) => string | undefined;
}

/** The canonical host: the Host header's name without port, lower-cased (IPv6 literals keep their brackets). */
export function canonicalHost(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseAuthorization(value: string | undefined): { ikey: string; signature: string } {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/.exec(value ?? '');
  if (!match?.[1]) throw new DuoError('missingCredentials');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new DuoError('missingCredentials');
  return { ikey: decoded.slice(0, colon), signature: decoded.slice(colon + 1).toLowerCase() };
}

/** Date = X-Duo-Date when present (duo_hmac sends only that), else Date. */
function checkedDate(request: SignedRequest, options: VerifyOptions): string {
  const date = header(request.headers, 'x-duo-date') ?? header(request.headers, 'date');
  if (date === undefined) throw new DuoError('missingDate');
  const when = parseRfc2822(date);
  if (when === undefined) throw new DuoError('missingDate');
  if (Math.abs(options.now - when) > options.maxSkewMs) throw new DuoError('badDate');
  return date;
}

/** Every canonical string the request could have been signed with, paired with its digest. */
function candidates(request: SignedRequest, date: string, signatureLength: number): [string, 'sha1' | 'sha512'][] {
  const host = canonicalHost(request.hostHeader);
  const method = request.method.toUpperCase();
  const paramLines = new Set([canonParams(request.params, false), canonParams(request.params, true)]);
  const out: [string, 'sha1' | 'sha512'][] = [];
  for (const params of paramLines) {
    const v2 = [date, method, host, request.path, params].join('\n');
    if (signatureLength === 40) {
      out.push([v2, 'sha1']);
      continue;
    }
    const bodyHash = sha512Hex(request.rawBody);
    out.push([v2, 'sha512']);
    out.push([`${v2}\n${bodyHash}`, 'sha512']); // v4 (legacy JSON signing)
    out.push([`${v2}\n${bodyHash}\n${sha512Hex(canonXDuoHeaders(request.headers))}`, 'sha512']); // v5
  }
  return out;
}

/**
 * Verifies a request the way Duo does, in Duo's order: credentials present (40101), integration key known (40102),
 * timestamp present and fresh (40104/40105), signature (40103). Returns the integration key on success.
 */
export function verifyRequest(request: SignedRequest, options: VerifyOptions): string {
  const { ikey, signature } = parseAuthorization(header(request.headers, 'authorization'));
  const skey = options.secretFor(ikey);
  if (skey === undefined) throw new DuoError('badIkey');
  const date = checkedDate(request, options);
  if (!/^[0-9a-f]+$/.test(signature) || (signature.length !== 40 && signature.length !== 128)) {
    throw new DuoError('badSignature');
  }
  const given = Buffer.from(signature, 'hex');
  for (const [canonical, digest] of candidates(request, date, signature.length)) {
    const expected = createHmac(digest, skey).update(canonical).digest();
    if (timingSafeEqual(expected, given)) return ikey;
  }
  throw new DuoError('badSignature');
}
