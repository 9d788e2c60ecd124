import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Keys look like swk_<8-char lookup prefix>_<43-char secret>: 256 random bits, so a fast hash (sha256)
// at rest is enough; a slow KDF guards low-entropy passwords, which these are not.
const KEY_PATTERN = /^swk_([A-Za-z0-9_-]{8})_[A-Za-z0-9_-]{43}$/;

interface NewKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateKey(): NewKey {
  const lookup = randomBytes(6).toString('base64url');
  const key = `swk_${lookup}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: displayPrefix(lookup), hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

// The prefix stored and shown for a key (never enough to use it), or null if it is not one of ours.
export function prefixOf(key: string): string | null {
  const match = KEY_PATTERN.exec(key);
  return match?.[1] ? displayPrefix(match[1]) : null;
}

function displayPrefix(lookup: string): string {
  return `swk_${lookup}`;
}

// Constant time in the hashes' content: both are sha256 hex, so lengths match.
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
