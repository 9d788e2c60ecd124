import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import { serviceEnv } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import mongoose from 'mongoose';
import { consumersIdle, consumersState } from './__fixtures__/inventory-probe';
import { type SimBed, startSimBed } from './__fixtures__/sim-bed';
import { authEvents, publishAuthEvents, publishUsersSnapshot } from './__fixtures__/sim-events';
import { usageTruth } from './__fixtures__/usage-oracle';
import { PARTITION_PREFIX } from './ingest/ownership/partitions';
import { service } from './service';

const EVENTS = 4_000;
const ACCOUNTS = 6;

interface Span {
  first: number;
  last: number;
}

// First and last seen per account and application key, from the published records.
function spans(bed: SimBed): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const events of authEvents(bed.data)) {
    for (const { accountId, record } of events) {
      const key = `${accountId}/${record.application.key}`;
      const at = record.timestamp * 1000;
      const span = out.get(key);
      out.set(key, span ? { first: Math.min(span.first, at), last: Math.max(span.last, at) } : { first: at, last: at });
    }
  }
  return out;
}

// Two discovery replicas share one auth-log consumer and one users consumer (#18). Each applies only the accounts
// of the partitions it holds, so neither overwrites the other's updates of a service or a user.
// mutation: every event treated as the replica's own (ownedConsumer's `holds` check and IngestOwnership.run's
// check replaced by `true`): both replicas write the same documents and the counts come out short of the truth.
describe('two discovery replicas consuming the same streams', () => {
  let bed: SimBed;
  let db: mongoose.Connection;
  const replicas: StartedService[] = [];

  beforeAll(async () => {
    bed = await startSimBed('discovery-replicas', { accounts: ACCOUNTS, usersPerAccount: 30, apps: 8, events: EVENTS });
    db = await mongoose.createConnection(bed.scope.mongoUrl, { dbName: bed.scope.dbName }).asPromise();
    // Small batches: many batches of every account, interleaved between the replicas.
    const env = serviceEnv(bed.scope, {
      DISCOVERY_BATCH_SIZE: '200',
      DISCOVERY_USERS_BATCH_SIZE: '50',
      LOG_LEVEL: 'warn',
    });
    for (let i = 0; i < 2; i++) replicas.push(await startService(service, envSchema, env));
  });

  afterAll(async () => {
    for (const r of replicas) await r.close();
    await db.close();
    await bed.close();
  });

  it('share the partitions, and end with inventories equal to the truth', async () => {
    const leases = db.collection<{ _id: string; owner: string | null; expiresAt: Date }>('discovery_leases');
    // The first replica took every partition; it hands half over to the second within a round.
    const owners = async (): Promise<Set<string>> => {
      const docs = await leases.find({ _id: { $regex: `^${PARTITION_PREFIX}` } }).toArray();
      return new Set(docs.filter((d) => d.owner !== null && d.expiresAt > new Date()).map((d) => d.owner ?? ''));
    };
    await waitFor(async () => (await owners()).size === 2, {
      timeoutMs: 30_000,
      intervalMs: 200,
      description: 'both replicas holding partitions',
    });

    for (let i = 0; i < ACCOUNTS; i++) await publishUsersSnapshot(bed.publisher, bed.data, i, `snap-${i}`);
    expect(await publishAuthEvents(bed.publisher, bed.data)).toBe(EVENTS);
    // Every fact journaled (insert-only, so no replica can lose another's) and every message acked (after its
    // batch was applied): what the inventories say is then final.
    const facts = db.collection('auth_facts');
    // On a timeout the last error says where it stood: facts journaled, the consumers' state, the holders.
    await waitFor(
      async () => {
        const journaled = await facts.countDocuments();
        if (journaled === EVENTS && (await consumersIdle(bed.probe))) return true;
        const state = await consumersState(bed.probe);
        throw new Error(`${journaled} facts; ${state}; partitions held by ${[...(await owners())].join(', ')}`);
      },
      {
        timeoutMs: 300_000,
        intervalMs: 1_000,
        description: 'every event journaled, both consumers idle',
      },
    );
    expect(await bed.probe.totalAuthCount()).toBe(EVENTS);

    // Both replicas applied batches (the journal records each batch's holder).
    const batchOwners = await db.collection<{ owner?: string }>('batches').distinct('owner');
    expect(batchOwners).toHaveLength(2);
    expect(await db.collection('batches').countDocuments({ state: { $ne: 'applied' } })).toBe(0);

    const oracle = usageTruth(bed.data);
    const seen = spans(bed);
    for (const account of bed.data.sim.truth().accounts) {
      const services = await bed.probe.allServices(account.account_id);
      const apps = account.applications.filter((app) => app.events > 0);
      expect(services.map((s) => s.applicationKey).sort()).toEqual(apps.map((app) => app.key).sort());
      for (const app of apps) {
        const found = services.find((s) => s.applicationKey === app.key);
        const span = seen.get(`${account.account_id}/${app.key}`);
        expect(found).toMatchObject({
          authCount: app.events,
          attemptedUserCount: app.users,
          userCount: oracle.get(account.account_id)?.services.get(app.key)?.users.size,
          firstSeen: new Date(span?.first ?? 0).toISOString(),
          lastSeen: new Date(span?.last ?? 0).toISOString(),
        });
      }
      const summary = (await bed.probe.rpc.request('discovery.accounts.summary', { accountId: account.account_id }))
        .items[0];
      expect(summary).toMatchObject({ services: apps.length, authCount: account.auth_events, users: account.users });
    }
  }, 600_000);
});
