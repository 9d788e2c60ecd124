import { startService, type StartedService } from '@seatwise/platform/testing/start-service';
import { envSchema } from '@seatwise/shared/config/discovery-env';
import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import mongoose from 'mongoose';
import { service } from '../../service';
import { DERIVATION_VERSION } from '../derivation.service';
import { DEFAULT_OWNERSHIP } from '../ownership/ownership-options';
import { partitionLeaseId, partitionOf } from '../ownership/partitions';
import { toFact } from './auth-fact';

const LIVE = 'replica-a-live';
const DEAD = 'replica-d-dead';
// Accounts of two partitions: A's batch is of the first, the dead replica's of the second.
const ACCOUNT_A = 'DA1';
const ACCOUNT_D = 'DA2';
const PARTITION_A = partitionOf(ACCOUNT_A, DEFAULT_OWNERSHIP.partitions);
const PARTITION_D = partitionOf(ACCOUNT_D, DEFAULT_OWNERSHIP.partitions);

function event(accountId: string, i: number): DuoAuthLogEvent {
  return {
    integrationId: 'i',
    accountId,
    fetchedAt: '2025-07-01T00:00:00Z',
    record: {
      txid: `${accountId}-t${i}`,
      timestamp: 1_751_290_000 + i * 60,
      event_type: 'authentication',
      result: 'success',
      user: { key: `DU${i % 3}`, name: `user${i % 3}@example.org` },
      application: { key: `DI${i % 2}`, name: i % 2 === 0 ? 'Slack' : 'Zoom' },
    },
  };
}

// Replica B starting up meets two unfinished batches: one of live replica A (its partition lease runs for minutes),
// one of a replica that died (its partition and membership leases expired). A and the dead replica are their
// journal and lease documents, written as they would have left them; B is a real discovery process.
// mutation: recovery of every unfinished batch whatever its partition (AuthIngestService.recoverHeld's filter
// removed): B applies A's batch too, which stays 'applying' no longer.
describe('a replica starting up finishes a dead replica’s batch and leaves a live one’s alone', () => {
  let scope: TestScope;
  let db: mongoose.Connection;
  let b: StartedService | undefined;

  beforeAll(async () => {
    scope = createTestScope();
    db = await mongoose.createConnection(scope.mongoUrl, { dbName: scope.dbName }).asPromise();
    expect(PARTITION_A).not.toBe(PARTITION_D);
    const minutes = new Date(Date.now() + 10 * 60_000);
    const past = new Date(Date.now() - 60_000);
    const leases = [
      { _id: `replica:${LIVE}`, owner: LIVE, token: 1, expiresAt: minutes },
      { _id: `replica:${DEAD}`, owner: DEAD, token: 1, expiresAt: past },
      // A holds every partition but the dead replica's, so B's fair share can only be that one.
      ...Array.from({ length: DEFAULT_OWNERSHIP.partitions }, (_, p) =>
        p === PARTITION_D
          ? { _id: partitionLeaseId(p), owner: DEAD, token: 2, expiresAt: past }
          : { _id: partitionLeaseId(p), owner: LIVE, token: 3, expiresAt: minutes },
      ),
    ];
    await db.collection('discovery_leases').insertMany(leases as never[]);
    await db
      .collection('derivation')
      .insertOne({ _id: 'inventories', version: DERIVATION_VERSION, state: 'current' } as never);
    await db.collection('counters').insertOne({ _id: 'batch', seq: 102 } as never);
    const startedAt = new Date('2025-07-01T00:00:00Z');
    await db.collection('batches').insertMany([
      { _id: 101, state: 'applying', startedAt, partition: PARTITION_A, owner: LIVE, token: 3 },
      { _id: 102, state: 'applying', startedAt, partition: PARTITION_D, owner: DEAD, token: 2 },
    ] as never[]);
    const facts = (account: string, batch: number) =>
      Array.from({ length: 10 }, (_, i) => ({ ...toFact(event(account, i)), batch }));
    await db.collection('auth_facts').insertMany([...facts(ACCOUNT_A, 101), ...facts(ACCOUNT_D, 102)] as never[]);

    b = await startService(service, envSchema, serviceEnv(scope));
  });

  afterAll(async () => {
    await b?.close();
    await db.close();
    await scope.cleanup();
  });

  it('takes over the dead replica’s batch under a new token and never touches the live replica’s', async () => {
    const batches = db.collection<{ _id: number; state: string; owner?: string; token?: number }>('batches');
    await waitFor(async () => (await batches.findOne({ _id: 102 }))?.state === 'applied', {
      timeoutMs: 60_000,
      intervalMs: 200,
      description: "the dead replica's batch applied",
    });
    const lease = await db.collection<{ _id: string; owner: string }>('discovery_leases').findOne({
      _id: partitionLeaseId(PARTITION_D),
    });
    expect(lease?.owner).not.toBe(DEAD);
    expect(await batches.findOne({ _id: 102 })).toMatchObject({ owner: lease?.owner, token: 3 });
    // The dead replica's facts are in the inventories; the live replica's batch is still its own to finish.
    const services = await db.collection<{ accountId: string; authCount: number }>('services').find({}).toArray();
    expect(services.filter((s) => s.accountId === ACCOUNT_D).reduce((n, s) => n + s.authCount, 0)).toBe(10);
    expect(services.filter((s) => s.accountId === ACCOUNT_A)).toEqual([]);
    expect(await batches.findOne({ _id: 101 })).toMatchObject({ state: 'applying', owner: LIVE, token: 3 });
    // Nor did B take any of A's partitions.
    const held = await db
      .collection<{ _id: string; owner: string }>('discovery_leases')
      .find({ owner: LIVE })
      .toArray();
    expect(held.filter((l) => l._id.startsWith('partition:'))).toHaveLength(DEFAULT_OWNERSHIP.partitions - 1);
  });
});
