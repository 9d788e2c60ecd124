import { SESSION_COOKIE } from '@seatwise/shared/contracts/gateway-api';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookies } from './cookies';

// 32 random bytes, base64url: what the session cookie and the CSRF token carry.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

// The stored id of a session: its token's sha256, so a read of the collection yields no usable cookie.
export function sessionId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// The session token a request carries in its cookie, or null without one.
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  return parseCookies(cookieHeader).get(SESSION_COOKIE) ?? null;
}

// Constant time in the content; a missing or differently long value is simply not equal.
export function sameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const left = Buffer.from(presented, 'utf8');
  const right = Buffer.from(expected, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
