import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@seatwise/platform/bootstrap/create-service-app';
import { parseEnv } from '@seatwise/shared/config/env';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import mongoose from 'mongoose';
import { dumpInventories } from '../../__fixtures__/inventory-probe';
import { ActivityRepository } from '../../inventory/activity.repository';
import { InventoryWrites, type WriteMode } from '../../inventory/inventory-writes';
import { ServicesRepository } from '../../inventory/services.repository';
import { UsageRepository } from '../../inventory/usage.repository';
import { UsersRepository } from '../../inventory/users.repository';
import { service } from '../../service';
import { toFact, uniqueFacts } from './auth-fact';
import { AuthIngestService } from './auth-ingest.service';
import { BatchPlanner } from './batch-planner';
import { JournalRepository } from './journal.repository';
import type { RedoEntry } from './redo-entry';
import { IngestOwnership } from '../ownership/ingest-ownership';
import { byPartition } from '../ownership/partitions';

// Every point where a process can die while writing a batch, replayed deterministically on the real
// database in both write modes: after a restart (recover) and the next batch, the inventories equal
// those of a run that never stopped.
// 'after activity': every document written, the batch not marked applied (its re-plan must not add again).
const STOPS = ['after planning', 'after usage', 'after services', 'after users', 'after activity'] as const;
type Stop = (typeof STOPS)[number];

function event(i: number, batch: number): DuoAuthLogEvent {
  // Spread over two UTC days, so day counts of both days are written.
  const at = 1_751_290_000 + ((i * 37) % 5_000) * 20;
  return {
    integrationId: 'i',
    accountId: i % 4 === 0 ? 'DA2' : 'DA1',
    fetchedAt: '2025-07-01T00:00:00Z',
    record: {
      txid: `b${batch}-t${i}`,
      timestamp: at,
      event_type: 'authentication',
      result: i % 7 === 0 ? 'denied' : i % 11 === 0 ? 'fraud' : 'success',
      user: { key: `DU${(i * 3 + batch) % 9}`, name: `user${(i * 3 + batch) % 9}@example.org` },
      application: {
        key: `DI${(i + batch) % 5}`,
        name: ['Slack', 'Zoom', 'Internal CRM', 'Salesforce', 'Okta'][(i + batch) % 5] ?? 'x',
      },
    },
  };
}

const batchOf = (batch: number): DuoAuthLogEvent[] => Array.from({ length: 60 }, (_, i) => event(i, batch));

// The inventories, and the ids of the action log (its entries carry the clock's time of the batch).
async function inventories(mongoUrl: string, dbName: string): Promise<Record<string, unknown[]>> {
  const { actions, ...rest } = await dumpInventories(mongoUrl, dbName);
  return { ...rest, actions: (actions ?? []).map((a) => (a as { _id: unknown })._id) };
}

describe.each<WriteMode>(['replace', 'rewrite'])('a batch cut short in %s mode', (mode) => {
  let scope: TestScope;
  let expected: Record<string, unknown[]>;
  const databases: string[] = [];

  beforeAll(async () => {
    scope = createTestScope();
    const reference = await boot('ref');
    for (const batch of [1, 2, 3]) await reference.get(AuthIngestService).handle(batchOf(batch));
    await reference.close();
    expected = await inventories(scope.mongoUrl, `${scope.dbName}_ref`);
  });

  afterAll(async () => {
    const connection = await mongoose.createConnection(scope.mongoUrl).asPromise();
    for (const name of databases) await connection.useDb(name).dropDatabase();
    await connection.close();
    await scope.cleanup();
  });

  async function boot(suffix: string): Promise<INestApplication> {
    const dbName = `${scope.dbName}_${suffix}`;
    if (!databases.includes(dbName)) databases.push(dbName);
    const env = parseEnv(
      envSchema,
      serviceEnv({ ...scope, dbName }, { DISCOVERY_CONSUME: 'false', DISCOVERY_INVENTORY_WRITES: mode }),
    );
    const { app } = await createServiceApp(service, env);
    await app.init();
    // Alone, the replica takes every partition (it releases them at close, for the next process).
    await app.get(IngestOwnership).join();
    return app;
  }

  // Batch 2 written up to `stop` by hand, exactly as AuthIngestService.apply does (one journal batch per account
  // partition), then abandoned.
  async function cutShort(app: INestApplication, stop: Stop): Promise<void> {
    const journal = app.get(JournalRepository);
    const ownership = app.get(IngestOwnership);
    const startedAt = new Date('2025-07-02T00:00:00Z');
    const planned: RedoEntry[] = [];
    const parts = byPartition(uniqueFacts(batchOf(2).map(toFact)), (f) => f.accountId, ownership.options.partitions);
    for (const [partition, part] of parts) {
      const holder = await ownership.run(partition, (h) => Promise.resolve(h));
      const batch = await journal.begin(startedAt, holder);
      const facts = await journal.insertNew(batch, part);
      const entries = await app.get(BatchPlanner).plan(batch, facts);
      if (mode === 'rewrite') await journal.saveRedo(batch, entries);
      planned.push(...entries);
    }
    if (stop === 'after planning') return;
    await app.get(UsageRepository).save(
      planned.flatMap((e) => (e.coll === 'usage' ? [e.doc] : [])),
      mode,
    );
    if (stop === 'after usage') return;
    await app.get(ServicesRepository).save(
      planned.flatMap((e) => (e.coll === 'services' ? [e.doc] : [])),
      mode,
    );
    if (stop === 'after services') return;
    await app.get(UsersRepository).save(
      planned.flatMap((e) => (e.coll === 'users' ? [e.doc] : [])),
      mode,
    );
    if (stop === 'after users') return;
    await app.get(ActivityRepository).save(
      planned.flatMap((e) => (e.coll === 'activity' ? [e.doc] : [])),
      mode,
    );
  }

  it('writes in the configured mode and builds a non-trivial reference', async () => {
    const app = await boot('mode');
    try {
      expect(await app.get(InventoryWrites).mode()).toBe(mode);
    } finally {
      await app.close();
    }
    expect(expected['usage']?.length).toBeGreaterThan(20);
    expect(expected['services']).toHaveLength(10);
    // Two accounts × two days, holding the 3 × 60 events once each.
    const activity = (expected['auth_activity'] ?? []) as { day: string; total: number }[];
    expect(new Set(activity.map((d) => d.day)).size).toBe(2);
    expect(activity).toHaveLength(4);
    expect(activity.reduce((n, d) => n + d.total, 0)).toBe(180);
  });

  it.each(STOPS)('ends as if uninterrupted when the process stops %s', async (stop) => {
    const suffix = String(STOPS.indexOf(stop));
    const crashed = await boot(suffix);
    await crashed.get(AuthIngestService).handle(batchOf(1));
    await cutShort(crashed, stop);
    await crashed.close();

    // A new process: it finishes batch 2 before anything else, then takes batch 3 and a redelivery of 2.
    const restarted = await boot(suffix);
    try {
      // Batch 2's accounts DA1 and DA2 fall in two partitions: two journal batches.
      expect(await restarted.get(AuthIngestService).recover()).toBe(2);
      await restarted.get(AuthIngestService).handle(batchOf(3));
      await restarted.get(AuthIngestService).handle(batchOf(2));
    } finally {
      await restarted.close();
    }
    expect(await inventories(scope.mongoUrl, `${scope.dbName}_${suffix}`)).toEqual(expected);
  });
});
