import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { rpcSubject } from '@seatwise/shared/bus/subjects';
import { serviceListRequestSchema, type ServiceView } from '@seatwise/shared/contracts/discovery-views';
import { BENCH_ACCOUNT } from './seed-services';

// A stand-in for discovery's `discovery.services.list` holding `count` services in memory, answering
// by the same contract and wire protocol (Nest NATS packets). It takes the database out of the
// measurement so the bench shows the gateway's own cost; BENCH_GATEWAY_REAL_DISCOVERY=1 uses the
// real discovery instead (its ingest of 100,000 new services takes far longer than a bench run).
export function serveServices(nc: NatsConnection, prefix: string, count: number): Subscription {
  const services = Array.from({ length: count }, (_, i) => serviceAt(i));
  return nc.subscribe(rpcSubject(prefix, 'discovery.services.list'), {
    queue: 'discovery',
    callback: (error, msg) => {
      if (error) return;
      const packet = msg.json<{ id: string; data: unknown }>();
      const request = serviceListRequestSchema.safeParse(packet.data);
      if (!request.success) {
        msg.respond(
          JSON.stringify({
            id: packet.id,
            err: { code: 'COMMON.VALIDATION_FAILED', message: request.error.message },
            isDisposed: true,
          }),
        );
        return;
      }
      const { limit, cursor, q } = request.data;
      const matching =
        q === undefined ? services : services.filter((s) => s.name.toLowerCase().includes(q.toLowerCase()));
      const start = cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64url').toString('utf8'));
      const items = matching.slice(start, start + limit);
      const next = start + limit < matching.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
      msg.respond(JSON.stringify({ id: packet.id, response: { items, nextCursor: next }, isDisposed: true }));
    },
  });
}

function serviceAt(i: number): ServiceView {
  const seen = new Date(Date.UTC(2025, 6, 1) + i * 1_000).toISOString();
  return {
    id: `${BENCH_ACCOUNT}.DI${String(i).padStart(18, '0')}`,
    accountId: BENCH_ACCOUNT,
    applicationKey: `DI${String(i).padStart(18, '0')}`,
    name: `App ${i}`,
    userCount: i % 300,
    attemptedUserCount: i % 300,
    authCount: i % 5_000,
    successCount: i % 4_000,
    denialCount: i % 1_000,
    fraudCount: 0,
    denialReasons: [],
    flags: [],
    firstSeen: seen,
    lastSeen: seen,
    status: i % 10 === 0 ? 'known' : 'new',
    catalog: i % 4 === 0 ? { productId: `p${i % 900}`, productName: `Product ${i % 900}`, method: 'exact' } : null,
    mergedInto: null,
  };
}
