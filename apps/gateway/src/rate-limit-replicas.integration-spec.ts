import type { NatsConnection } from '@nats-io/transport-node';
import { connectBus } from '@seatwise/shared/bus/connect';
import { broadcastSubject } from '@seatwise/shared/bus/subjects';
import { type RateLimitName, rateLimitSpendSchema } from '@seatwise/shared/contracts/broadcasts';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { startGateway, type TestGateway } from './__fixtures__/gateway-fixture';
import { Http } from './__fixtures__/http-client';

const ADMIN_KEY = `boot-${'r'.repeat(40)}`;
const BURST = 6;
const FAILURES_BURST = 4;

// Two gateway replicas on one NATS and one database, as behind a load balancer: a client alternating between them
// is held to about one limit, not one per replica (#18 item 1). Between requests the spec waits until the replica
// that answered has published what it spent (sniffed on the bus, never a sleep), as happens when a client's
// requests are more than one share interval (100 ms) apart; the other replica may still be reading that message,
// hence one request of slack. Mutation checked: with RateLimitShare.receive returning before it deducts anything
// (sharing disabled), both cases fail: 2 × burst requests get through (12 of 14, 8 of 10).
describe('rate limits shared by gateway replicas', () => {
  let scope: TestScope;
  let replicas: TestGateway[];
  let sniffer: NatsConnection;
  const spent: Record<RateLimitName, number> = { requests: 0, unauthenticated: 0 };

  beforeAll(async () => {
    scope = createTestScope();
    const env = serviceEnv(scope, {
      SEATWISE_ADMIN_API_KEY: ADMIN_KEY,
      GATEWAY_RATE_LIMIT_BURST: String(BURST),
      GATEWAY_RATE_LIMIT_PER_MINUTE: '1',
      GATEWAY_UNAUTHENTICATED_BURST: String(FAILURES_BURST),
      GATEWAY_UNAUTHENTICATED_PER_MINUTE: '1',
    });
    replicas = [await startGateway(env), await startGateway(env)];
    sniffer = await connectBus({ url: scope.natsUrl, name: 'rate-limit-sniffer' });
    sniffer.subscribe(broadcastSubject(scope.busPrefix, 'gateway.rate-limits'), {
      callback: (_error, msg) => {
        const { spent: batch } = rateLimitSpendSchema.parse(msg.json());
        for (const limit of ['requests', 'unauthenticated'] as const) {
          for (const tokens of Object.values(batch[limit] ?? {})) spent[limit] += tokens;
        }
      },
    });
    await sniffer.flush();
  });

  afterAll(async () => {
    await sniffer.close();
    await Promise.all(replicas.map((replica) => replica.close()));
    await scope.cleanup();
  });

  // Sends `count` requests alternating between the replicas; after each one a replica let through, waits until
  // the bus carried its spending. Answers the statuses in order.
  async function alternate(limit: RateLimitName, count: number, send: (http: Http) => Promise<number>) {
    const statuses: number[] = [];
    let allowed = 0;
    for (let i = 0; i < count; i++) {
      const replica = replicas[i % replicas.length];
      if (!replica) throw new Error('no replica');
      const status = await send(new Http(replica.url, ADMIN_KEY));
      statuses.push(status);
      if (status === 429) continue;
      allowed += 1;
      await waitFor(() => spent[limit] >= allowed, { timeoutMs: 5_000, description: `${limit} spending shared` });
    }
    return statuses;
  }

  it('refuses an API key alternating between replicas after about one burst in total, not two', async () => {
    const statuses = await alternate(
      'requests',
      2 * BURST + 2,
      async (http) => (await http.get('/api/v1/api-keys')).status,
    );
    const allowed = statuses.filter((status) => status === 200).length;
    expect(allowed).toBeGreaterThanOrEqual(BURST);
    expect(allowed).toBeLessThanOrEqual(BURST + 1);
    // Both replicas refuse it now.
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it('refuses made-up keys from one address after about one burst of failures in total, not two', async () => {
    const statuses = await alternate(
      'unauthenticated',
      2 * FAILURES_BURST + 2,
      async (http) => (await http.as('swk_made_up_0000000000000000000000').get('/api/v1/api-keys')).status,
    );
    const failed = statuses.filter((status) => status === 401).length;
    expect(failed).toBeGreaterThanOrEqual(FAILURES_BURST);
    expect(failed).toBeLessThanOrEqual(FAILURES_BURST + 1);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});
