import { connect, type NatsConnection } from '@nats-io/transport-node';
import { rpcSubject } from '@seatwise/shared/bus/subjects';
import { createTestScope, natsConnectOptions } from '@seatwise/testing/scope';
import { of } from 'rxjs';
import { PrefixedNatsServer } from './prefixed-nats.server';

// A service is ready when Nest says so: a request sent by another connection the moment `listen` calls back
// must find a responder (it once met "no responders" in CI, straight after a service started). Without the
// flush in `PrefixedNatsServer.start` this spec fails on its first request.
const scope = createTestScope();
let other: NatsConnection;

beforeAll(async () => {
  other = await connect(natsConnectOptions(scope.natsUrl));
});
afterAll(async () => {
  await other.close();
  await scope.cleanup();
});

async function startServer(prefix: string): Promise<PrefixedNatsServer> {
  const server = new PrefixedNatsServer(prefix, {
    ...natsConnectOptions(scope.natsUrl),
    queue: 'spec',
    gracePeriod: 0,
  });
  server.addHandler('spec.ping', (data: unknown) => Promise.resolve(of({ pong: data })));
  await new Promise<void>((resolve, reject) => {
    void server.listen((error?: unknown) => {
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error('listen failed', { cause: error }));
    });
  });
  return server;
}

describe('PrefixedNatsServer', () => {
  it('answers a request sent the moment listen calls back, every time', async () => {
    for (let i = 0; i < 25; i++) {
      const prefix = `${scope.busPrefix}${i}`;
      const server = await startServer(prefix);
      try {
        const reply = await other.request(
          rpcSubject(prefix, 'spec.ping'),
          JSON.stringify({ id: `r${i}`, pattern: 'spec.ping', data: i }),
          {
            timeout: 2_000,
          },
        );
        expect(reply.json<{ response: { pong: number } }>().response).toEqual({ pong: i });
      } finally {
        await server.close();
      }
    }
  });
});
