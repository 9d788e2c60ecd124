import type { DuoSimOptions } from '@seatwise/duo-simulator/options';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { createTestScope, serviceEnv } from '@seatwise/testing/scope';
import { outboundAllowEnv } from '@seatwise/testing/service-env';
import type { NodeProcess } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { startGateway, type TestGateway } from './gateway-fixture';
import { Http } from './http-client';
import { dropUpstreamDatabases, startUpstream, stopUpstream, type UpstreamName } from './services';

export interface StackOptions {
  adminKey: string;
  // The simulated Duo the connector polls; without rate limits and with two days of history unless said.
  duo: DuoSimOptions;
  // The services to run (as processes), each with its extra env.
  upstreams: Partial<Record<UpstreamName, Record<string, string>>>;
  gatewayEnv?: Record<string, string>;
  // Base URLs of other simulators the services call (a PSA simulator): allowed by exact host:port, like the Duo one.
  simulators?: readonly string[];
  // Paths that answer 200 through the gateway once the services behind them do.
  ready: { paths: readonly string[]; timeoutMs: number };
}

export interface Stack {
  duo: DuoSimulator;
  gateway: TestGateway;
  // The bootstrap admin key, and a viewer key created through the API.
  api: Http;
  viewer: Http;
  // A running service, to read its output or stop it.
  upstream(name: UpstreamName): NodeProcess;
  stop(): Promise<void>;
}

// The gateway in-process in front of real services and a simulated Duo, each in its own database of
// one test scope, returned once the services answer through the gateway.
export async function startStack(options: StackOptions): Promise<Stack> {
  const duo = await startDuoSimulator({ rateLimits: false, historyDays: 2, ...options.duo });
  const scope = createTestScope();
  const names = Object.keys(options.upstreams) as UpstreamName[];
  const outbound = outboundAllowEnv(duo.url, ...(options.simulators ?? []));
  const processes = new Map(
    names.map((name) => [name, startUpstream(scope, name, { ...outbound, ...options.upstreams[name] })]),
  );
  const gateway = await startGateway(
    serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: options.adminKey, LOG_LEVEL: 'info', ...options.gatewayEnv }),
  );
  const api = new Http(gateway.url, options.adminKey);
  const viewer = api.as(
    (await api.post<{ key: string }>('/api/v1/api-keys', { name: 'viewer', role: 'viewer' })).body.key,
  );
  await waitFor(
    async () => {
      const statuses = await Promise.all(options.ready.paths.map(async (path) => (await api.get(path)).status));
      return statuses.every((status) => status === 200);
    },
    { timeoutMs: options.ready.timeoutMs, description: `${names.join(', ')} answering` },
  );
  return {
    duo,
    gateway,
    api,
    viewer,
    upstream: (name) => {
      const running = processes.get(name);
      if (!running) throw new Error(`${name} is not part of this stack`);
      return running;
    },
    stop: async () => {
      await gateway.close();
      await Promise.all([...processes.values()].map((running) => stopUpstream(running)));
      await duo.close();
      await dropUpstreamDatabases(scope, names);
      await scope.cleanup();
    },
  };
}
