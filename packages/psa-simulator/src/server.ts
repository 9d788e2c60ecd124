import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Delays } from '@seatwise/duo-simulator/http/delays';
import { PlanError } from './data/companies';
import { truthOf, type Truth } from './data/truth';
import { buildWorld } from './data/world';
import { FaultInjector } from './http/faults';
import { handleCwRequest, type Engine } from './http/pipeline';
import { RateLimiter } from './http/rate-limiter';
import { handleSimRequest } from './http/sim-routes';
import { buildInfo, type SimInfo } from './info';
import { faultsSchema, rateLimitsSchema, resolveOptions, type Faults, type PsaSimOptions, type RateLimits } from './options';
import { OptionsError, validated } from '@seatwise/duo-simulator/sim-input';

export type { PsaSimOptions } from './options';

export interface PsaSimulator {
  url: string;
  info: SimInfo;
  truth: () => Truth;
  setFaults: (faults: Faults) => void;
  setRateLimits: (limits: RateLimits | false) => void;
  close: () => Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo); // a TCP listener always reports an AddressInfo
    });
  });
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
  const control = {
    info: (): SimInfo => info,
    truth: (): Truth => truthOf(engine.world),
    setFaults: (f: unknown) => { engine.faults.configure(validated(faultsSchema, f, 'faults')); },
    setRateLimits: (l: unknown) => {
      engine.limiter.configure(l === false ? false : validated(rateLimitsSchema, l, 'rate limits'));
    },
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const done = path.startsWith('/_sim/') ? handleSimRequest(control, req, res, path) : handleCwRequest(engine, req, res);
    done.catch((error: unknown) => {
      process.stderr.write(`psa-simulator: ${String(error)}\n`);
      res.destroy();
    });
  };
  const server = createServer(onRequest);
  const address = await listen(server, options.port, options.host);
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  engine.siteName = `${urlHost}:${address.port}`;
  const url = `http://${engine.siteName}`;
  const info = buildInfo(url, engine.world.credentials);
  return {
    url, info,
    truth: control.truth,
    setFaults: control.setFaults,
    setRateLimits: control.setRateLimits,
    close: () => new Promise<void>((resolve, reject) => {
      engine.delays.releaseAll();
      server.close((error) => { if (error) reject(error); else resolve(); });
      server.closeAllConnections();
    }),
  };
}
