import { createServer } from 'node:http';
import { Delays } from '@seatwise/sim-http/delays';
import { closeServer, listen } from '@seatwise/sim-http/listen';
import { simRequestListener } from '@seatwise/sim-http/sim-routes';
import { PlanError } from './data/company-spec';
import { truthOf, type Truth } from './data/truth';
import { buildWorld } from './data/world';
import { FaultInjector } from './http/faults';
import { handleCwRequest, type Engine } from './http/pipeline';
import { RateLimiter } from './http/rate-limiter';
import { PSA_SIM_DIALECT } from './http/sim-dialect';
import { buildInfo, type SimInfo } from './info';
import {
  faultsSchema,
  rateLimitsSchema,
  resolveOptions,
  type Faults,
  type PsaSimOptions,
  type RateLimits,
} from './options';
import { OptionsError, tuningControls } from '@seatwise/duo-simulator/sim-input';

export type { PsaSimOptions } from './options';

export interface PsaSimulator {
  url: string;
  info: SimInfo;
  truth: () => Truth;
  setFaults: (faults: Faults) => void;
  setRateLimits: (limits: RateLimits | false) => void;
  close: () => Promise<void>;
}

function world(options: ReturnType<typeof resolveOptions>, anchor: number): ReturnType<typeof buildWorld> {
  try {
    return buildWorld(options, anchor);
  } catch (error) {
    if (error instanceof PlanError) throw new OptionsError(`invalid psa-simulator options: ${error.message}`);
    throw error;
  }
}

// Starts a simulator; options are validated (OptionsError names every bad option).
export async function startPsaSimulator(input: PsaSimOptions = {}): Promise<PsaSimulator> {
  const options = resolveOptions(input);
  const engine: Engine = {
    world: world(options, options.anchorTime ?? Date.now()),
    limiter: new RateLimiter(options.rateLimits),
    faults: new FaultInjector(options.seed, options.faults),
    delays: new Delays(),
    siteName: options.host,
  };
  const tuning = tuningControls(engine.faults, engine.limiter, { faults: faultsSchema, rateLimits: rateLimitsSchema });
  const control = {
    info: (): SimInfo => info,
    truth: (): Truth => truthOf(engine.world),
    ...tuning,
  };
  const onRequest = simRequestListener('psa-simulator', { control, dialect: PSA_SIM_DIALECT }, (req, res) =>
    handleCwRequest(engine, req, res),
  );
  const server = createServer(onRequest);
  engine.siteName = await listen(server, options.port, options.host);
  const url = `http://${engine.siteName}`;
  const info = buildInfo(url, engine.world.credentials);
  return {
    url,
    info,
    truth: control.truth,
    ...tuning,
    close: () => {
      engine.delays.releaseAll();
      return closeServer(server);
    },
  };
}
