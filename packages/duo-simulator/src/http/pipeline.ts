import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '@seatwise/sim-http/body';
import type { Delays } from '@seatwise/sim-http/delays';
import type { World } from '../data/model';
import type { Ctx } from '../endpoints/route';
import type { ResolvedOptions } from '../options';
import { verifyRequest } from '../signing/verify';
import { authorize } from './access';
import { effectiveParams, signedParams } from './body';
import { badParam, DuoError } from '../errors';
import type { FaultInjector, FaultKind } from './faults';
import type { RateLimiter } from './rate-limiter';
import type { SimSwitches } from './switches';
import { sendJson } from './respond';
import { findRoute } from './routes';

export interface Engine {
  world: World;
  options: ResolvedOptions;
  anchor: number;
  limiter: RateLimiter;
  faults: FaultInjector;
  delays: Delays;
  // Revoked keys and paused logs (nothing switched unless a spec asks).
  switches: SimSwitches;
  // Requests answered per API path (faults and refusals included): what a client cost Duo.
  served: Map<string, number>;
  apiHostname: () => string;
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

/** Verifies, authorizes and rate-limits one Duo API call, then runs its handler. Throws DuoError. */
async function serve(engine: Engine, req: IncomingMessage, path: string, query: string): Promise<unknown> {
  const { route, arg } = findRoute(req.method ?? 'GET', path);
  const body = await readBody(req, () => badParam('request body too large'));
  const signed = signedParams(req, query, body);
  const now = Date.now();
  const ikey = verifyRequest(
    {
      method: req.method ?? 'GET',
      hostHeader: req.headers.host ?? '',
      path,
      params: signed,
      rawBody: body,
      headers: req.headers,
    },
    { now, maxSkewMs: engine.options.maxClockSkewMs, secretFor: (k) => engine.world.integrations.get(k)?.skey },
  );
  const integration = engine.world.integrations.get(ikey);
  // A revoked key answers as Duo does for a key it does not know.
  if (!integration || engine.switches.isRevoked(ikey)) throw new DuoError('badIkey');
  const params = effectiveParams(req, signed, body);
  const account = authorize(engine.world, integration, route, params);
  if (!engine.limiter.take(account?.id ?? `parent:${ikey}`, route.rateClass)) throw new DuoError('rateLimited');
  const ctx: Ctx = {
    world: engine.world,
    account,
    params,
    pathArg: arg,
    now,
    anchor: engine.anchor,
    visibleUntil: engine.switches.logsVisibleUntil(account?.id, now - engine.options.availabilityLagMs),
    cursorOnLastLogPage: engine.options.cursorOnLastLogPage,
    apiHostname: engine.apiHostname(),
  };
  return route.handler(ctx);
}

/** Transport-level faults happen before anything is parsed: a real outage does not read the request either. */
async function preFault(
  engine: Engine,
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultKind | null,
): Promise<boolean> {
  if (fault === 'drop') {
    req.socket.destroy();
    return true;
  }
  if (fault === 'error429' || fault === 'error500' || fault === 'error503') {
    const error = new DuoError(
      fault === 'error429' ? 'rateLimited' : fault === 'error500' ? 'internal' : 'unavailable',
    );
    sendJson(res, error.status, error.toBody());
    return true;
  }
  if (fault === 'slow') await engine.delays.wait(engine.faults.slowMs);
  return false;
}

export async function handleDuoRequest(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [path, query] = splitUrl(req.url ?? '/');
  engine.served.set(path, (engine.served.get(path) ?? 0) + 1);
  const fault = engine.faults.next();
  if (await preFault(engine, req, res, fault)) return;
  try {
    sendJson(res, 200, await serve(engine, req, path, query), fault);
  } catch (error) {
    if (error instanceof DuoError) {
      sendJson(res, error.status, error.toBody(), fault);
      return;
    }
    // A bug, not a client error: still answer in Duo's shape so clients never hang, and keep the cause visible.
    process.stderr.write(`duo-simulator: internal error on ${req.method ?? ''} ${path}: ${String(error)}\n`);
    sendJson(res, 500, new DuoError('internal').toBody());
  }
}
