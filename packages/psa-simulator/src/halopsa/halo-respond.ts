import type { ServerResponse } from 'node:http';
import { corruptJson, writeJson } from '@seatwise/sim-http/respond';

// Halo answers keep their nulls (unlike the ConnectWise dialect, which drops them as CW does).
export function sendHaloJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  options: { headers?: Record<string, string>; malformed?: boolean } = {},
): void {
  const text = JSON.stringify(body);
  writeJson(
    res,
    status,
    options.malformed === true ? corruptJson(text, 'malformed') : text,
    'application/json; charset=utf-8',
    options.headers ?? {},
  );
}
