import { provisionInfrastructure, type Infrastructure } from '../infra/provision';

declare global {
  // Shared only between globalSetup and globalTeardown, which run in the same process.
  var __seatwiseInfra: Infrastructure | undefined;
}

export default async function globalSetup(): Promise<void> {
  const infra = await provisionInfrastructure();
  globalThis.__seatwiseInfra = infra;
  // Test workers are forked after this and inherit the environment.
  process.env['SEATWISE_TEST_NATS_URL'] = infra.nats.url;
  process.env['SEATWISE_TEST_MONGO_URL'] = infra.mongo.url;
  process.stdout.write(`\n[harness] NATS: ${infra.nats.description}\n[harness] Mongo: ${infra.mongo.description}\n`);
}
