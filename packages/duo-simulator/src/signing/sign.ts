import { createHmac } from 'node:crypto';
import { canonParams, sha512Hex, type Params } from './canon';

/**
 * Client-side v2/v5 signing (HMAC-SHA512), used by the bench's scan loop. Specs sign with Duo's official node
 * signer instead, so the verifier is never only checked against this twin.
 */
export function signRequest(args: {
  ikey: string;
  skey: string;
  method: string;
  host: string;
  path: string;
  params: Params;
  date: string;
  version: 2 | 5;
  body?: string;
}): string {
  const lines = [
    args.date,
    args.method.toUpperCase(),
    args.host.toLowerCase(),
    args.path,
    canonParams(args.params, false),
  ];
  if (args.version === 5) lines.push(sha512Hex(args.body ?? ''), sha512Hex(''));
  const signature = createHmac('sha512', args.skey).update(lines.join('\n')).digest('hex');
  return `Basic ${Buffer.from(`${args.ikey}:${signature}`).toString('base64')}`;
}
