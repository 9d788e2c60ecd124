import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '@seatwise/sim-http/body';
import { formatIssues } from '@seatwise/sim-http/zod-issues';
import type { z } from 'zod';
import { sendJson } from './respond';
import { keySwitchSchema, logsSwitchSchema, type SimSwitches } from './switches';

export const SIM_KEYS_PATH = '/_sim/keys';
export const SIM_LOGS_PATH = '/_sim/logs';

async function json(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req, () => new Error('request body too large'))) as unknown;
  } catch {
    return undefined;
  }
}

// GET /_sim/keys or /_sim/logs → the switches; PUT /_sim/keys {ikey, revoked} or PUT /_sim/logs {accountId, paused}
// flips one. Answers in Duo's envelope like the rest of /_sim; a bad body is a 400 naming the issues, nothing changed.
export async function handleSimSwitches(
  switches: SimSwitches,
  knows: { ikey: (ikey: string) => boolean; account: (id: string) => boolean },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET') {
    sendJson(res, 200, { stat: 'OK', response: switches.state() });
    return;
  }
  if (method !== 'PUT') {
    sendJson(res, 404, { stat: 'FAIL', message: `unknown simulator path ${method} ${path}` });
    return;
  }
  const body = await json(req);
  if (path === SIM_KEYS_PATH) {
    const parsed = parse(keySwitchSchema, body, res, (v) => knows.ikey(v.ikey), 'unknown ikey');
    if (parsed) switches.setKeyRevoked(parsed.ikey, parsed.revoked);
  } else {
    const parsed = parse(logsSwitchSchema, body, res, (v) => knows.account(v.accountId), 'unknown accountId');
    if (parsed) switches.setLogsPaused(parsed.accountId, parsed.paused, Date.now());
  }
  if (!res.headersSent) sendJson(res, 200, { stat: 'OK', response: switches.state() });
}

function parse<T>(
  schema: z.ZodType<T>,
  body: unknown,
  res: ServerResponse,
  known: (value: T) => boolean,
  unknown: string,
): T | null {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    sendJson(res, 400, { stat: 'FAIL', message: `invalid body: ${formatIssues(parsed.error)}` });
    return null;
  }
  if (!known(parsed.data)) {
    sendJson(res, 400, { stat: 'FAIL', message: `invalid body: ${unknown}` });
    return null;
  }
  return parsed.data;
}
