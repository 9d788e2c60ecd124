import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Delays } from '@seatwise/sim-http/delays';
import type { World } from '../data/model';
import type { RequestLog } from '../data/requests';
import type { ResolvedOptions } from '../options';
import type { Ctx, Reply } from '../endpoints/route';
import { authenticate } from './auth';
import type { CredentialSwitch } from './credential-switch';
import { readJsonBody } from './body';
import { CwError, internalError, tooManyRequests, unavailable } from '../errors';
import type { FaultInjector } from './faults';
import type { RateLimiter } from './rate-limiter';
import { sendJson } from './respond';
import { API_BASE, CODEBASE, findRoute } from './routes';

export interface Engine {
  world: World;
  limiter: RateLimiter;
  faults: FaultInjector;
  delays: Delays;
  siteName: string;
  requests: RequestLog;
  // Whether correct credentials are currently refused (revoked keys), set at runtime; every dialect checks it.
  credentials: CredentialSwitch;
  // The validated start options (a dialect reads its own section, e.g. `autotask`).
  options: ResolvedOptions;
}

// GET /login/companyinfo/{companyId}: unauthenticated codebase discovery, which CW clients call before the API.
function companyInfo(engine: Engine, companyId: string): Reply {
  if (companyId.toLowerCase() !== engine.world.credentials.companyId.toLowerCase()) {
    throw CwError.notFound('Company not found.');
  }
  return {
    body: {
      CompanyName: engine.world.credentials.companyId,
      Codebase: CODEBASE,
      VersionCode: 'v2025.1',
      VersionNumber: 'v4.6.0',
      CompanyID: engine.world.credentials.companyId,
      IsCloud: true,
      SiteUrl: engine.siteName,
    },
  };
}

// Revoked keys are refused as CW refuses bad ones (401 Unauthorized); a role without access is 403 Forbidden.
function refuseIfRevoked(credentials: CredentialSwitch): void {
  const status = credentials.refusal();
  if (status === 401) throw CwError.unauthorized('The API member keys have been revoked.');
  if (status === 403) throw new CwError(403, 'Forbidden', 'The API member has no access to this resource.');
}

async function serve(engine: Engine, req: IncomingMessage, url: URL): Promise<Reply> {
  const login = /^\/login\/companyinfo\/([^/]+)$/.exec(url.pathname);
  if (login && req.method === 'GET') return companyInfo(engine, decodeURIComponent(login[1] ?? ''));
  const member = authenticate(req, engine.world.credentials);
  refuseIfRevoked(engine.credentials);
  const wait = engine.limiter.take(member);
  if (wait > 0) throw tooManyRequests(wait);
  if (!url.pathname.startsWith(`${API_BASE}/`)) {
    throw CwError.notFound(`The requested resource ${url.pathname} was not found.`);
  }
  const { route, args } = findRoute(req.method ?? 'GET', url.pathname.slice(API_BASE.length));
  const ctx: Ctx = {
    world: engine.world,
    url,
    args,
    member,
    now: Date.now(),
    body: route.method === 'GET' ? undefined : await readJsonBody(req),
    forwardOnly: String(req.headers['pagination-type'] ?? '').toLowerCase() === 'forward-only',
  };
  return route.handler(ctx);
}

// One ConnectWise-surface request: a seeded fault draw first (a real outage does not read the request either),
// then auth, rate limit, route and handler. Every failure is answered in CW's error shape.
export async function handleCwRequest(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fault = engine.faults.next();
  if (fault === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault === 'error500' || fault === 'error503') {
    const error = fault === 'error500' ? internalError() : unavailable();
    sendJson(res, error.status, error.toBody());
    return;
  }
  if (fault === 'slow') await engine.delays.wait(engine.faults.slowMs);
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? engine.siteName}`);
  try {
    const reply = await serve(engine, req, url);
    sendJson(res, reply.status ?? 200, reply.body, { headers: reply.headers ?? {}, malformed: fault === 'malformed' });
  } catch (error) {
    if (error instanceof CwError) {
      sendJson(res, error.status, error.toBody(), { headers: error.headers, malformed: fault === 'malformed' });
      return;
    }
    // A bug, not a client error: still answer in CW's shape so clients never hang, and keep the cause visible.
    process.stderr.write(`psa-simulator: internal error on ${req.method ?? ''} ${url.pathname}: ${String(error)}\n`);
    sendJson(res, 500, internalError().toBody());
  }
}
