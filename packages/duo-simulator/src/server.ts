import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Delays } from '@seatwise/sim-http/delays';
import { closeServer, listen } from '@seatwise/sim-http/listen';
import { simRequestListener } from '@seatwise/sim-http/sim-routes';
import { Truth, type TruthAccount } from './data/truth';
import { buildWorld } from './data/world';
import { FaultInjector } from './http/faults';
import { handleDuoRequest, type Engine } from './http/pipeline';
import { RateLimiter } from './http/rate-limiter';
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
  close: () => Promise<void>;
}

/** Starts a simulator; options are validated (OptionsError names every bad option). */
export async function startDuoSimulator(input: DuoSimOptions = {}): Promise<DuoSimulator> {
  const options = resolveOptions(input);
  const anchor = options.anchorTime ?? Date.now();
  const world = buildWorld(options, anchor);
  const truth = new Truth(world);
  const tls = options.https ? selfSignedCertificate(options.host) : undefined;
  const hostPort = { value: '' };
  const engine: Engine = {
    world,
    options,
    anchor,
    delays: new Delays(),
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
  const server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest);
  hostPort.value = await listen(server, options.port, options.host);
  const url = `${tls ? 'https' : 'http'}://${hostPort.value}`;
  const info = buildInfo(world, url, engine.apiHostname(), tls?.cert);
  return {
    url,
    info,
    truth: control.truth,
    ...tuning,
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
