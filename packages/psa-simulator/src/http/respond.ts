import type { ServerResponse } from 'node:http';
import { corruptJson, writeJson } from '@seatwise/sim-http/respond';

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
  const text =
    options.keepNulls === true
      ? JSON.stringify(body)
      : JSON.stringify(body, (_key, value: unknown) => (value === null ? undefined : value));
  writeJson(
    res,
    status,
    options.malformed === true ? corruptJson(text, 'malformed') : text,
    'application/json; charset=utf-8',
    {
      'api-current-version': API_VERSION,
      ...options.headers,
    },
  );
}
