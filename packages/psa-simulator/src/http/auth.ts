import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Credentials } from '../data/model';
import { CwError } from '../errors';

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

// Basic "{companyId}+{publicKey}:{privateKey}" plus the clientId header, both required on every call. The brief
// (and the fact sheet's errors table) make both failures 401; one vendor page reports 400 for a missing clientId.
// The company id compares case-insensitively (CW treats it as a login company name); keys compare exactly.
export function authenticate(req: IncomingMessage, expected: Credentials): string {
  const clientId = req.headers['clientid'];
  if (typeof clientId !== 'string' || clientId === '') throw CwError.unauthorized('clientId header is required.');
  if (!same(clientId, expected.clientId)) throw CwError.unauthorized('clientId is not registered.');
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) throw CwError.unauthorized('Basic authorization with API member keys is required.');
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const plus = user.indexOf('+');
  const [companyId, publicKey, privateKey] = [user.slice(0, plus), user.slice(plus + 1), decoded.slice(colon + 1)];
  const ok =
    colon > 0 &&
    plus > 0 &&
    companyId.toLowerCase() === expected.companyId.toLowerCase() &&
    same(publicKey, expected.publicKey) &&
    same(privateKey, expected.privateKey);
  if (!ok) throw CwError.unauthorized('Invalid company, public key or private key.');
  return publicKey;
}
