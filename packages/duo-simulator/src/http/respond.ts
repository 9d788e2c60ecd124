import type { ServerResponse } from 'node:http';
import { corruptJson, writeJson } from '@seatwise/sim-http/respond';
import type { FaultKind } from './faults';

// Writes a JSON response. Content-Type is exactly "application/json" (no charset): duo_api_ruby rejects anything
// else. The body faults (`truncate`, `malformed`) corrupt an otherwise complete response.
export function sendJson(res: ServerResponse, status: number, body: unknown, fault: FaultKind | null = null): void {
  const text = JSON.stringify(body);
  const sent = fault === 'truncate' || fault === 'malformed' ? corruptJson(text, fault) : text;
  writeJson(res, status, sent, 'application/json');
}
