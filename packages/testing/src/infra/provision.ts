import { ExternalServer, type ManagedServer } from './managed-server';
import { createMongo, createNats } from './servers';

export interface Infrastructure {
  nats: ManagedServer;
  mongo: ManagedServer;
  dispose(): Promise<void>;
}

// In order: URLs from the environment, then containers when Docker answers, then local binaries.
// Benchmarks and `npm run stack`-style tools use this too, so everything provisions the same way.
export async function provisionInfrastructure(env: NodeJS.ProcessEnv = process.env): Promise<Infrastructure> {
  const nats = await provisionNats(env, false);
  const mongo = env['MONGO_URL'] ? new ExternalServer('mongo', env['MONGO_URL']) : await createMongo();
  await Promise.all([nats.start(), mongo.start()]);
  return {
    nats,
    mongo,
    dispose: async () => {
      await Promise.allSettled([nats.dispose(), mongo.dispose()]);
    },
  };
}

// NATS alone (benchmarks of the bus need no database), in the same order as above.
export async function provisionNats(env: NodeJS.ProcessEnv = process.env, start = true): Promise<ManagedServer> {
  const nats = env['NATS_URL'] ? new ExternalServer('nats', env['NATS_URL']) : await createNats();
  if (start) await nats.start();
  return nats;
}

// A server only the caller uses, so it may stop and restart it without disturbing other test files.
export async function startDedicatedNats(): Promise<ManagedServer> {
  const server = await createNats();
  await server.start();
  return server;
}

export async function startDedicatedMongo(): Promise<ManagedServer> {
  const server = await createMongo();
  await server.start();
  return server;
}
