import { parseEnvOrReport } from '@seatwise/shared/config/env';
import { runMain } from '@seatwise/shared/process/run-main';
import { DOCS_PATH } from '../banner';
import { demoEnvSchema } from './demo-env';
import { seedDemo } from './seed-demo';

// Entry point of docker-compose's `demo` service: the same seeding `npm run stack` does, then the links.
async function main(): Promise<number> {
  const env = parseEnvOrReport(demoEnvSchema, process.env, 'demo');
  if (!env) return 2;
  const say = (line: string): void => {
    process.stdout.write(`[demo] ${line}\n`);
  };
  if (!env.SEATWISE_DEMO) {
    say('SEATWISE_DEMO is off: nothing to set up');
  } else {
    await seedDemo({
      gatewayUrl: env.SEATWISE_GATEWAY_URL,
      adminApiKey: env.SEATWISE_ADMIN_API_KEY,
      duoSimulatorUrl: env.SEATWISE_DUO_SIM_URL,
      psaSimulatorUrl: env.SEATWISE_PSA_SIM_URL,
      say,
    });
  }
  const gateway = env.SEATWISE_PUBLIC_GATEWAY_URL.replace(/\/$/, '');
  say(`Gateway ${gateway}   API docs ${gateway}${DOCS_PATH}`);
  // Not the key itself: this log is kept; the secrets service printed it once, when it generated it.
  say('Admin key: `docker compose logs secrets` (printed when it was generated)');
  return 0;
}

runMain('demo', main);
