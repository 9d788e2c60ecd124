import { busTlsFiles } from '@seatwise/shared/config/bus-env';
import { parseEnvOrReport } from '@seatwise/shared/config/env';
import { runMain } from '@seatwise/shared/process/run-main';
import { provisionBus as provision } from '../infra/provision-bus';
import { type BusSetupEnv, busSetupEnvSchema } from './bus-setup-env';

// bus-setup's env as the provisioner's target.
export function provisionBus(env: BusSetupEnv): Promise<string[]> {
  const tls = busTlsFiles(env);
  return provision({
    url: env.NATS_URL,
    credentials: { user: env.NATS_USER, pass: env.NATS_PASSWORD },
    prefix: env.SEATWISE_BUS_PREFIX,
    ...(tls === undefined ? {} : { tls }),
  });
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
