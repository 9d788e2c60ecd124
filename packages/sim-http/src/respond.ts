import type { ServerResponse } from 'node:http';

// Faults that corrupt a complete answer: `truncate` sends its first half (with a matching Content-Length),
// `malformed` injects a raw control character, which is invalid anywhere in JSON text.
export type BodyFault = 'truncate' | 'malformed';

export function corruptJson(text: string, fault: BodyFault): string {
  if (fault === 'truncate') return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  const middle = Math.floor(text.length / 2);
  return `${text.slice(0, middle)}\u0001${text.slice(middle)}`;
}

// Writes a JSON answer with its exact Content-Length, unless the client is gone or an answer went out already.
// The Content-Type is the simulated API's own: clients of the real APIs check it.
export function writeJson(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': payload.length, ...headers });
  res.end(payload);
}
