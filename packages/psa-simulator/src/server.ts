import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Delays } from '@seatwise/sim-http/delays';
import { closeServer, listen } from '@seatwise/sim-http/listen';
import { simRequestListener } from '@seatwise/sim-http/sim-routes';
import { OptionsError, tuningControls } from '@seatwise/duo-simulator/sim-input';
import { PlanError } from './data/company-spec';
import { RequestLog, type RequestRecord } from './data/requests';
import type { Truth } from './data/truth';
import { buildWorld } from './data/world';
import { CredentialSwitch, credentialStateSchema, type CredentialStateInput } from './http/credential-switch';
import { FaultInjector } from './http/faults';
import type { Engine } from './http/pipeline';
import { RateLimiter } from './http/rate-limiter';
import { handleSimCredentials, SIM_CREDENTIALS_PATH } from './http/sim-credentials';
import { PSA_SIM_DIALECT } from './http/sim-dialect';
import type { ModeInfo } from './modes/psa-mode';
import { MODES } from './modes/registry';
import {
  faultsSchema,
  rateLimitsSchema,
  resolveOptions,
  type Faults,
  type PsaSimOptions,
  type RateLimits,
} from './options';

export type { PsaSimOptions } from './options';

export interface PsaSimulator {
  url: string;
  info: ModeInfo;
  truth: () => Truth;
  // Every request to the simulated API so far, in order, with its answer's status.
  requests: () => RequestRecord[];
  setFaults: (faults: Faults) => void;
  setRateLimits: (limits: RateLimits | false) => void;
  // Revokes (true) or restores (false) the credentials at runtime, in every mode; while revoked every
  // authenticated call answers as this PSA does for bad credentials (401; 403 when `status: 403` is asked for).
  setCredentialsRevoked: (revoked: boolean, status?: 401 | 403) => void;
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

// Logs each API request with the status it was answered with (a dropped connection logs status 0).
function logged(
  engine: Engine,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return (req, res) => {
    const entry = {
      at: new Date().toISOString(),
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
    };
    res.on('close', () => {
      engine.requests.record({ ...entry, status: res.writableFinished ? res.statusCode : 0 });
    });
    return handle(req, res);
  };
}

// /_sim/credentials is this simulator's own switch (the shared /_sim surface has faults and rate limits only).
function withCredentialsRoute(
  credentials: CredentialSwitch,
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if ((req.url ?? '/').split('?')[0] !== SIM_CREDENTIALS_PATH) {
      next(req, res);
      return;
    }
    handleSimCredentials(credentials, req, res).catch((error: unknown) => {
      process.stderr.write(`psa-simulator: ${String(error)}\n`);
      res.destroy();
    });
  };
}

// Starts a simulator; options are validated (OptionsError names every bad option).
export async function startPsaSimulator(input: PsaSimOptions = {}): Promise<PsaSimulator> {
  const options = resolveOptions(input);
  const factory = MODES[options.mode];
  const engine: Engine = {
    world: world(options, options.anchorTime ?? Date.now()),
    limiter: new RateLimiter(options.rateLimits),
    faults: new FaultInjector(options.seed, options.faults),
    delays: new Delays(),
    siteName: options.host,
    requests: new RequestLog(),
    credentials: new CredentialSwitch(),
    options,
  };
  const mode = factory(engine);
  const tuning = tuningControls(engine.faults, engine.limiter, { faults: faultsSchema, rateLimits: rateLimitsSchema });
  const control = {
    info: (): ModeInfo => info,
    truth: (): Truth => mode.truth(),
    requests: (): RequestRecord[] => engine.requests.all(),
    ...tuning,
  };
  const onSimOrApi = simRequestListener(
    'psa-simulator',
    { control, dialect: PSA_SIM_DIALECT },
    logged(engine, (req, res) => mode.handle(req, res)),
  );
  const server = createServer(withCredentialsRoute(engine.credentials, onSimOrApi));
  engine.siteName = await listen(server, options.port, options.host);
  const url = `http://${engine.siteName}`;
  const info = mode.info(url);
  return {
    url,
    info,
    truth: control.truth,
    requests: control.requests,
    ...tuning,
    setCredentialsRevoked: (revoked, status) => {
      const state: CredentialStateInput = status === undefined ? { revoked } : { revoked, status };
      engine.credentials.set(credentialStateSchema.parse(state));
    },
    close: () => {
      engine.delays.releaseAll();
      return closeServer(server);
    },
  };
}
