import type { ServerResponse } from 'node:http';

// The server version CW reports in `api-current-version` (fact sheet 3.1 versioning).
export const API_VERSION = '2025.1';

export interface SendOptions {
  headers?: Record<string, string>;
  // Fault: inject a raw U+0001 (invalid anywhere in JSON text) into an otherwise complete body.
  malformed?: boolean;
  // /_sim answers keep nulls (e.g. pairedDuoAccountId); CW answers omit null members as CW does.
  keepNulls?: boolean;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, options: SendOptions = {}): void {
  if (res.destroyed || res.writableEnded) return;
  let text = options.keepNulls === true ? JSON.stringify(body)
    : JSON.stringify(body, (_key, value: unknown) => (value === null ? undefined : value));
  if (options.malformed === true) {
    const middle = Math.floor(text.length / 2);
    text = `${text.slice(0, middle)}\u0001${text.slice(middle)}`;
  }
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length,
    'api-current-version': API_VERSION, ...options.headers,
  });
  res.end(payload);
}
