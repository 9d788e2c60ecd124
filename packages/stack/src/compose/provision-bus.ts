import { busTlsFiles } from '@seatwise/shared/config/bus-env';
import { parseEnvOrReport } from '@seatwise/shared/config/env';
import { runMain } from '@seatwise/shared/process/run-main';
import { provisionBus as provision, provisionBusWhenReady, type ProvisionTarget } from '../infra/provision-bus';
import { type BusSetupEnv, busSetupEnvSchema } from './bus-setup-env';

// How long bus-setup waits for a JetStream cluster to elect its leader and see its nodes.
const CLUSTER_READY_MS = 120_000;

// bus-setup's env as the provisioner's target. On a cluster (SEATWISE_STREAM_REPLICAS above 1) it waits until the
// cluster can place the streams; on a single server a failure is reported at once (a wrong password, say).
export function provisionBus(env: BusSetupEnv): Promise<string[]> {
  const target = provisionTarget(env);
  return target.replicas !== undefined && target.replicas > 1
    ? provisionBusWhenReady(target, { timeoutMs: CLUSTER_READY_MS })
    : provision(target);
}

function provisionTarget(env: BusSetupEnv): ProvisionTarget {
  const tls = busTlsFiles(env);
  return {
    url: env.NATS_URL,
    credentials: { user: env.NATS_USER, pass: env.NATS_PASSWORD },
    prefix: env.SEATWISE_BUS_PREFIX,
    ...(tls === undefined ? {} : { tls }),
    ...(env.SEATWISE_STREAM_REPLICAS === undefined ? {} : { replicas: env.SEATWISE_STREAM_REPLICAS }),
  };
}

// Entry point of docker-compose's one-shot `bus-setup` service, which every app waits for.
async function main(): Promise<number> {
  const env = parseEnvOrReport(busSetupEnvSchema, process.env, 'bus-setup');
  if (!env) return 2;
  try {
    const streams = await provisionBus(env);
    process.stdout.write(`bus-setup: ${streams.length} streams ready on ${env.NATS_URL}: ${streams.join(', ')}\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `bus-setup: could not provision the streams on ${env.NATS_URL} as ${env.NATS_USER}: ${reason}\n`,
    );
    return 1;
  }
}

if (require.main === module) runMain('bus-setup', main);
