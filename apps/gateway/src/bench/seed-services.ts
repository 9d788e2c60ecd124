import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventPublisher } from '@seatwise/shared/bus/publisher';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { provisionStreams } from '@seatwise/shared/bus/topology';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { waitFor } from '@seatwise/testing/wait';

export const BENCH_ACCOUNT = 'DABENCHGATEWAY000001';

// One auth-log event per service: discovery's own write path (its consumer) builds the inventory.
function authLog(i: number): DuoAuthLogEvent {
  const ts = 1_751_290_000 + i;
  return {
    integrationId: 'bench',
    accountId: BENCH_ACCOUNT,
    fetchedAt: new Date().toISOString(),
    record: {
      txid: `tx-${i}`,
      timestamp: ts,
      event_type: 'authentication',
      result: i % 9 === 0 ? 'denied' : 'success',
      user: { key: `DU${i % 500}`, name: `user${i % 500}@example.org` },
      application: { key: `DI${String(i).padStart(18, '0')}`, name: `App ${i}` },
    },
  };
}

// Publishes `count` services' first authentications and waits until discovery lists them all.
export async function seedServices(nc: NatsConnection, prefix: string, count: number): Promise<number> {
  await provisionStreams(await jetstreamManager(nc), prefix);
  const publisher = new EventPublisher(nc, prefix);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, count - i) }, (_, j) => authLog(i + j));
    await publisher.publishAll('duo.authlog', batch, { window: 1_000 });
  }
  process.stderr.write(
    `published ${count} auth logs in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s\n`,
  );
  const rpc = new RpcClient(nc, prefix, 30_000);
  let last = -1;
  await waitFor(
    async () => {
      const summary = await rpc.request('discovery.accounts.summary', { accountId: BENCH_ACCOUNT });
      const services = summary.items[0]?.services ?? 0;
      if (services !== last) process.stderr.write(`discovery lists ${services} services\n`);
      last = services;
      return services >= count;
    },
    { timeoutMs: 60 * 60_000, intervalMs: 2_000, description: `${count} services in discovery` },
  );
  return Number(process.hrtime.bigint() - start) / 1e9;
}
