import type { ServerResponse } from 'node:http';
import type { FaultKind } from './faults';

/**
 * Writes a JSON response. Content-Type is exactly "application/json" (no charset): duo_api_ruby rejects anything
 * else. The two body faults corrupt a complete response: `truncate` sends the first half with a matching
 * Content-Length, `malformed` injects a raw control character, which is invalid anywhere in JSON text.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, fault: FaultKind | null = null): void {
  if (res.destroyed || res.writableEnded) return;
  let text = JSON.stringify(body);
  if (fault === 'truncate') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  if (fault === 'malformed') {
    const middle = Math.floor(text.length / 2);
    text = `${text.slice(0, middle)}\u0001${text.slice(middle)}`;
  }
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  res.end(payload);
}
