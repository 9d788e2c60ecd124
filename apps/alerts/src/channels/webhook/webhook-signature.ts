import { createHmac, timingSafeEqual } from 'node:crypto';

// The signature scheme of webhook deliveries (receivers verify it; see README.md beside this file): HMAC-SHA256
// over "<timestamp>.<body>" with the channel's secret, hex, versioned so the scheme can change without ambiguity.
export const SIGNATURE_VERSION = 'v1';

export const WEBHOOK_HEADERS = {
  timestamp: 'Seatwise-Timestamp',
  signature: 'Seatwise-Signature',
  delivery: 'Seatwise-Delivery',
} as const;

// `timestamp` is unix seconds; `body` the exact bytes sent.
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `${SIGNATURE_VERSION}=${mac}`;
}

// What a receiver does (the integration spec's receiver uses it): recompute and compare in constant time, and refuse
// timestamps further than `toleranceSeconds` from its own clock (a replayed old delivery).
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!headers.timestamp || !headers.signature || !/^\d{1,12}$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
