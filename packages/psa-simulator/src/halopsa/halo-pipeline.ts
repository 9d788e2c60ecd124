import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '@seatwise/sim-http/body';
import type { Engine } from '../http/pipeline';
import { HaloError, haloInternalError, haloUnavailable } from './halo-errors';
import { sendHaloJson } from './halo-respond';
import { findHaloRoute, type HaloReply } from './halo-routes';
import { checkTokenRequest } from './halo-token-request';
import type { TokenStore } from './halo-tokens';

const TOKEN_PATH = /^\/auth\/token\/?$/i;
const API_PREFIX = /^\/api(\/.*)$/i;

async function text(req: IncomingMessage): Promise<string> {
  return readBody(req, () => HaloError.badRequest('Request body too large.'));
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = await text(req);
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw HaloError.badRequest('The request body is not valid JSON.');
  }
}

// POST /auth/token?tenant=…: the client-credentials grant; the token lives options.halopsa.tokenTtlSeconds.
async function token(engine: Engine, tokens: TokenStore, req: IncomingMessage, url: URL): Promise<HaloReply> {
  if (req.method !== 'POST') throw HaloError.api(405, 'MethodNotAllowed', 'The token endpoint takes POST.');
  const form = new URLSearchParams(await text(req));
  checkTokenRequest(form, url.searchParams.get('tenant'), engine.world.credentials);
  // A revoked client secret fails client authentication like a wrong one; a 403 refusal still gets tokens (the
  // application exists, its permissions were removed) and is refused at the resource server.
  if (engine.credentials.refusal() === 401) {
    throw HaloError.oauth(401, 'invalid_client', 'Client authentication failed.');
  }
  return { body: tokens.issue(engine.options.halopsa.tokenTtlSeconds) };
}

function bearer(req: IncomingMessage, tokens: TokenStore): void {
  const match = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim());
  if (!match?.[1]) throw HaloError.invalidToken('A Bearer access token is required.');
  if (!tokens.valid(match[1])) throw HaloError.invalidToken('The access token is unknown or has expired.');
}

// Resource server: bearer token, then the per-minute budget of the API application, then the route.
async function api(engine: Engine, tokens: TokenStore, req: IncomingMessage, url: URL): Promise<HaloReply> {
  const sub = API_PREFIX.exec(url.pathname)?.[1];
  if (sub === undefined) throw HaloError.notFound(`The requested resource ${url.pathname} was not found.`);
  bearer(req, tokens);
  const refusal = engine.credentials.refusal();
  if (refusal === 401) throw HaloError.invalidToken('The access token has been revoked.');
  if (refusal === 403) throw HaloError.api(403, 'Forbidden', 'The API application has no permission for this.');
  const caller = engine.world.credentials.clientId;
  const wait = engine.limiter.take(`halo:${caller}`);
  if (wait > 0) throw HaloError.tooManyRequests(wait);
  const { route, id } = findHaloRoute(req.method ?? 'GET', sub);
  const body = route.method === 'POST' ? await jsonBody(req) : undefined;
  return route.handler({ world: engine.world, query: url.searchParams, body, now: Date.now(), caller }, id);
}

function serve(engine: Engine, tokens: TokenStore, req: IncomingMessage, url: URL): Promise<HaloReply> {
  return TOKEN_PATH.test(url.pathname) ? token(engine, tokens, req, url) : api(engine, tokens, req, url);
}

// One HaloPSA-surface request: the seeded fault draw first (as handleCwRequest does), then the token endpoint or
// the resource server. Every failure is answered in the Halo shapes of halo-errors.ts.
export async function handleHaloRequest(
  engine: Engine,
  tokens: TokenStore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fault = engine.faults.next();
  if (fault === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault === 'error500' || fault === 'error503') {
    const error = fault === 'error500' ? haloInternalError() : haloUnavailable();
    sendHaloJson(res, error.status, error.body);
    return;
  }
  if (fault === 'slow') await engine.delays.wait(engine.faults.slowMs);
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? engine.siteName}`);
  const malformed = fault === 'malformed';
  try {
    const reply = await serve(engine, tokens, req, url);
    sendHaloJson(res, reply.status ?? 200, reply.body, { malformed });
  } catch (error) {
    if (error instanceof HaloError) {
      sendHaloJson(res, error.status, error.body, { headers: error.headers, malformed });
      return;
    }
    // A bug, not a client error: still answer so clients never hang, and keep the cause visible.
    process.stderr.write(`psa-simulator: internal error on ${req.method ?? ''} ${url.pathname}: ${String(error)}\n`);
    sendHaloJson(res, 500, haloInternalError().body);
  }
}
