import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Delays } from '@seatwise/sim-http/delays';
import { closeServer, listen } from '@seatwise/sim-http/listen';
import { simRequestListener } from '@seatwise/sim-http/sim-routes';
import { Truth, type TruthAccount } from './data/truth';
import { buildWorld } from './data/world';
import { FaultInjector } from './http/faults';
import { handleDuoRequest, type Engine } from './http/pipeline';
import { RateLimiter } from './http/rate-limiter';
import { handleSimSwitches, SIM_KEYS_PATH, SIM_LOGS_PATH } from './http/sim-switches';
import { SimSwitches } from './http/switches';
import { DUO_SIM_DIALECT } from './http/sim-dialect';
import { selfSignedCertificate } from './http/tls';
import { buildInfo, type SimInfo } from './info';
import {
  faultsSchema,
  rateLimitsSchema,
  resolveOptions,
  type DuoSimOptions,
  type Faults,
  type RateLimits,
} from './options';
import { OptionsError, tuningControls } from './sim-input';

export type { DuoSimOptions } from './options';

export interface DuoSimulator {
  url: string;
  info: SimInfo;
  truth: () => { accounts: TruthAccount[] };
  setFaults: (faults: Faults) => void;
  // Takes child accounts out of Duo (unlisted, unreachable, gone from the truth) or puts them back.
  setHiddenAccounts: (accountIds: readonly string[]) => void;
  setRateLimits: (limits: RateLimits | false) => void;
  // Requests served so far per API path (the /_sim switches not counted).
  served: () => Record<string, number>;
  // Revokes an integration key (every call signed with it answers 401 40102) or restores it.
  revokeKey: (ikey: string) => void;
  restoreKey: (ikey: string) => void;
  // Stops an account's authentication and activity logs (nothing newer than now is served) or lets them flow again.
  pauseLogs: (accountId: string) => void;
  resumeLogs: (accountId: string) => void;
  close: () => Promise<void>;
}

// /_sim/keys and /_sim/logs are this simulator's own switches (the shared /_sim surface has faults and rate limits).
function withSwitchRoutes(
  switches: SimSwitches,
  knows: { ikey: (ikey: string) => boolean; account: (id: string) => boolean },
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== SIM_KEYS_PATH && path !== SIM_LOGS_PATH) {
      next(req, res);
      return;
    }
    handleSimSwitches(switches, knows, req, res, path).catch((error: unknown) => {
      process.stderr.write(`duo-simulator: ${String(error)}\n`);
      res.destroy();
    });
  };
}

/** Starts a simulator; options are validated (OptionsError names every bad option). */
export async function startDuoSimulator(input: DuoSimOptions = {}): Promise<DuoSimulator> {
  const options = resolveOptions(input);
  const anchor = options.anchorTime ?? Date.now();
  const world = buildWorld(options, anchor);
  const truth = new Truth(world, anchor);
  const tls = options.https ? selfSignedCertificate(options.host) : undefined;
  const hostPort = { value: '' };
  const engine: Engine = {
    world,
    options,
    anchor,
    delays: new Delays(),
    switches: new SimSwitches(),
    served: new Map(),
    limiter: new RateLimiter(options.rateLimits),
    faults: new FaultInjector(options.seed, options.faults),
    apiHostname: () => options.apiHostname ?? hostPort.value,
  };
  const tuning = tuningControls(engine.faults, engine.limiter, { faults: faultsSchema, rateLimits: rateLimitsSchema });
  const control = {
    info: (): SimInfo => info,
    truth: () => truth.snapshot(Date.now() - options.availabilityLagMs),
    ...tuning,
  };
  const onRequest = simRequestListener('duo-simulator', { control, dialect: DUO_SIM_DIALECT }, (req, res) =>
    handleDuoRequest(engine, req, res),
  );
  const knows = { ikey: (ikey: string) => world.integrations.has(ikey), account: (id: string) => world.byId.has(id) };
  const onAny = withSwitchRoutes(engine.switches, knows, onRequest);
  const server = tls ? createHttpsServer(tls, onAny) : createHttpServer(onAny);
  hostPort.value = await listen(server, options.port, options.host);
  const url = `${tls ? 'https' : 'http'}://${hostPort.value}`;
  const info = buildInfo(world, url, engine.apiHostname(), tls?.cert);
  return {
    url,
    info,
    truth: control.truth,
    ...tuning,
    served: () => Object.fromEntries(engine.served),
    revokeKey: (ikey) => {
      requireKnown([ikey], knows.ikey, 'integration keys');
      engine.switches.setKeyRevoked(ikey, true);
    },
    restoreKey: (ikey) => {
      engine.switches.setKeyRevoked(ikey, false);
    },
    pauseLogs: (accountId) => {
      requireKnown([accountId], knows.account, 'account ids');
      engine.switches.setLogsPaused(accountId, true, Date.now());
    },
    resumeLogs: (accountId) => {
      engine.switches.setLogsPaused(accountId, false, Date.now());
    },
    setHiddenAccounts: (ids) => {
      const unknown = ids.filter((id) => !world.byId.has(id));
      if (unknown.length > 0) throw new OptionsError(`unknown account ids: ${unknown.join(', ')}`);
      world.hidden.clear();
      for (const id of ids) world.hidden.add(id);
    },
    close: () => {
      engine.delays.releaseAll();
      return closeServer(server);
    },
  };
}

function requireKnown(values: readonly string[], known: (value: string) => boolean, what: string): void {
  const unknown = values.filter((value) => !known(value));
  if (unknown.length > 0) throw new OptionsError(`unknown ${what}: ${unknown.join(', ')}`);
}
