import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '@seatwise/sim-http/body';
import { formatIssues } from '@seatwise/sim-http/zod-issues';
import { credentialStateSchema, type CredentialSwitch } from './credential-switch';
import { sendJson } from './respond';

export const SIM_CREDENTIALS_PATH = '/_sim/credentials';

async function json(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req, () => new Error('request body too large'))) as unknown;
  } catch {
    return undefined;
  }
}

// GET /_sim/credentials → the state; POST (or PUT) {revoked, status?} sets it. Like the other /_sim answers: CW's
// error shape for a bad body (400 BadRequest with the zod issues), nothing changed on one.
export async function handleSimCredentials(
  credentials: CredentialSwitch,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET') {
    sendJson(res, 200, credentials.state(), { keepNulls: true });
    return;
  }
  if (method !== 'POST' && method !== 'PUT') {
    sendJson(res, 404, { code: 'NotFound', message: `unknown simulator path ${method} ${SIM_CREDENTIALS_PATH}` });
    return;
  }
  const parsed = credentialStateSchema.safeParse(await json(req));
  if (!parsed.success) {
    sendJson(res, 400, { code: 'BadRequest', message: `invalid body: ${formatIssues(parsed.error)}` });
    return;
  }
  credentials.set(parsed.data);
  sendJson(res, 200, { ok: true, ...credentials.state() }, { keepNulls: true });
}
