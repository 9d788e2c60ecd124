import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '@seatwise/sim-http/body';
import { corruptJson, writeJson } from '@seatwise/sim-http/respond';
import type { Engine } from '../http/pipeline';
import { authenticateAt } from './at-auth';
import { AtError, atInternalError, atUnavailable } from './at-error';
import { HourlyWindow, ThreadGate } from './at-limits';
import type { AtCtx, AtReply } from './at-query';
import { findAtRoute } from './at-routes';
import { buildAtState, type AtState } from './at-state';
import { autotaskCredentials, type AutotaskCredentials } from './autotask-info';

export interface AtServer {
  state: AtState;
  credentials: AutotaskCredentials;
  hourly: HourlyWindow;
  gate: ThreadGate;
}

export function createAtServer(engine: Engine): AtServer {
  return {
    state: buildAtState(engine.world),
    credentials: autotaskCredentials(engine.world.credentials),
    hourly: new HourlyWindow(engine.options.autotask.hourlyLimit),
    gate: new ThreadGate(engine.options.autotask.threadsPerEndpoint),
  };
}

// Where zone discovery and the REST API live, as on Autotask (…/atservicesrest/v1.0/…); matched case-insensitively.
export const REST_ROOT = '/atservicesrest';
const VERSION = 'v1.0';

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  malformed = false,
): void {
  const text = JSON.stringify(body);
  writeJson(res, status, malformed ? corruptJson(text, 'malformed') : text, 'application/json; charset=utf-8', headers);
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, () => AtError.badRequest('Request body too large.'));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw AtError.badRequest('The request body is not valid JSON.');
  }
}

// The path segments below /atservicesrest/v1.0, or null outside it.
function apiSegments(pathname: string): string[] | null {
  const [root, version, ...rest] = pathname.split('/').filter((s) => s !== '');
  if (`/${root ?? ''}`.toLowerCase() !== REST_ROOT || version?.toLowerCase() !== VERSION) return null;
  return rest.map(decodeURIComponent);
}

// GET ZoneInformation?user=…: unauthenticated; the simulator is its own (single) zone.
function zoneInformation(engine: Engine, server: AtServer, url: URL): AtReply {
  const user = url.searchParams.get('user') ?? '';
  if (user.toLowerCase() !== server.credentials.userName.toLowerCase()) {
    throw AtError.notFound(`No zone was found for user '${user}'.`);
  }
  const site = `http://${engine.siteName}`;
  return { body: { zoneName: 'Seatwise Simulator', url: `${site}${REST_ROOT}/`, webUrl: `${site}/`, ci: 0 } };
}

// Neither counted nor refused by the hourly budget, so a client can always see where it stands.
function thresholdInformation(server: AtServer): AtReply {
  return {
    body: {
      externalRequestThreshold: server.hourly.limit,
      requestThresholdTimeframe: 60,
      currentTimeframeRequestCount: server.hourly.count(),
    },
  };
}

function checkBudgets(engine: Engine, server: AtServer, integration: string): void {
  const wait = engine.limiter.take(integration);
  if (wait > 0) throw AtError.tooManyRequests('Too many requests per minute; retry after Retry-After seconds.', wait);
  const hourly = server.hourly.take();
  if (hourly > 0) {
    throw AtError.tooManyRequests(
      `The database's limit of ${server.hourly.limit} requests per hour is reached; retry after Retry-After seconds.`,
      hourly,
    );
  }
}

// Revoked credentials answer as wrong ones do (401, no detail); a user whose security level lost API access, 403.
function refuseIfRevoked(engine: Engine): void {
  const status = engine.credentials.refusal();
  if (status === 401) throw AtError.unauthorized('User is not authorized: the API user or its secret is revoked.');
  if (status === 403) throw new AtError(403, ['The API user has no permission for this request.']);
}

async function serve(engine: Engine, server: AtServer, req: IncomingMessage, url: URL, slow: boolean) {
  const segments = apiSegments(url.pathname);
  if (segments === null) throw AtError.notFound(`The requested resource ${url.pathname} was not found.`);
  const method = (req.method ?? 'GET').toUpperCase();
  const single = segments.length === 1 ? (segments[0] ?? '').toLowerCase() : '';
  if (single === 'zoneinformation' && method === 'GET') return zoneInformation(engine, server, url);
  const integration = authenticateAt(req, server.credentials);
  refuseIfRevoked(engine);
  if (single === 'thresholdinformation' && method === 'GET') return thresholdInformation(server);
  checkBudgets(engine, server, integration);
  const route = findAtRoute(method, segments);
  const key = `${integration}\n${route.endpoint}`;
  if (!server.gate.enter(key)) {
    throw AtError.tooManyRequests(
      `Thread limit: at most ${server.gate.max} concurrent requests to ${route.endpoint} per integration.`,
      1,
    );
  }
  try {
    if (slow) await engine.delays.wait(engine.faults.slowMs);
    const ctx: AtCtx = {
      state: server.state,
      url,
      body: method === 'GET' ? undefined : await jsonBody(req),
      now: Date.now(),
      member: server.credentials.userName,
      apiBase: `http://${req.headers.host ?? engine.siteName}${REST_ROOT}/${VERSION}`,
    };
    return route.handler(ctx);
  } finally {
    server.gate.leave(key);
  }
}

// One Autotask-surface request: the seeded fault draw first (an outage does not read the request), then zone
// discovery (no auth), auth, the per-minute and hourly budgets, route, the per-endpoint thread limit (a slow fault
// waits inside it, holding the thread) and the handler. Every failure is answered as {"errors": [...]}.
export async function handleAtRequest(
  engine: Engine,
  server: AtServer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fault = engine.faults.next();
  if (fault === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault === 'error500' || fault === 'error503') {
    const error = fault === 'error500' ? atInternalError() : atUnavailable();
    send(res, error.status, error.toBody());
    return;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? engine.siteName}`);
  const malformed = fault === 'malformed';
  try {
    const reply = await serve(engine, server, req, url, fault === 'slow');
    send(res, reply.status ?? 200, reply.body, {}, malformed);
  } catch (error) {
    if (error instanceof AtError) {
      send(res, error.status, error.toBody(), error.headers, malformed);
      return;
    }
    // A bug, not a client error: still answer in Autotask's shape so clients never hang, and keep the cause visible.
    process.stderr.write(`psa-simulator: internal error on ${req.method ?? ''} ${url.pathname}: ${String(error)}\n`);
    send(res, 500, atInternalError().toBody());
  }
}
