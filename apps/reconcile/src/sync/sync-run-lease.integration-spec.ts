import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { Clock } from '@seatwise/platform/clock/clock';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import type { ReconcileEvents } from '../events/reconcile-events';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { RunSlots } from './run-slots';
import { NO_COUNTS, type SyncRunDoc, SyncRunRepository } from './sync-run.repository';
import { SyncRunSlotRepository } from './sync-run-slot.repository';
import { SYNC_RUN_LEASE_MS, SyncRunLedger } from './sync-run-ledger';

const T0 = Date.parse('2026-12-03T07:00:00Z');

// Two replicas of reconcile over one database, each with its own connection, clock and instance id. A run in
// progress is failed as abandoned only once its replica stopped renewing its lease (mutation: failing every run in
// progress, as start-up did before, fails replica A's live run at replica B's start).
describe('sync runs under a lease, across replicas', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  const published: { name: string; state: string }[] = [];

  function replica(instanceId: string, connection: MongoConnection) {
    const clock = { ms: T0, now: () => new Date(clockMs()), nowMs: () => clockMs() };
    const clockMs = () => clock.ms;
    const runs = new SyncRunRepository(connection);
    const events = {
      publish: (name: string, payload: { state: string }) =>
        Promise.resolve(void published.push({ name, state: payload.state })),
    } as unknown as ReconcileEvents;
    const logger = { warn: () => undefined } as unknown as Logger;
    const info = { name: 'reconcile', version: 'spec', startedAt: new Date(T0), instanceId } as ServiceInfo;
    const slots = new RunSlots(runs, new SyncRunSlotRepository(connection));
    const ledger = new SyncRunLedger(
      runs,
      slots,
      new PsaConnectionRepository(connection),
      events,
      clock as unknown as Clock,
      info,
      logger,
    );
    return { runs, slots, ledger, clock };
  }

  const queued = (id: string, extra: Partial<SyncRunDoc> = {}): SyncRunDoc => ({
    _id: id,
    connectionId: 'cw',
    kind: 'quick',
    state: 'pending',
    trigger: 'manual',
    requestedBy: 'key_admin',
    requestedAt: new Date(T0),
    startedAt: null,
    finishedAt: null,
    error: null,
    counts: { ...NO_COUNTS },
    revision: 1,
    ...extra,
  });

  beforeAll(async () => {
    scope = createTestScope();
    for (const name of ['replica-a', 'replica-b']) {
      connections.push(await MongoConnection.open(scope.mongoUrl, scope.dbName, name));
    }
  });

  afterAll(async () => {
    for (const c of connections) await c.onApplicationShutdown();
    await scope.cleanup();
  });

  it("leaves a live replica's run alone and fails it once that replica stopped renewing its lease", async () => {
    const a = replica('replica-a', connections[0] as MongoConnection);
    const b = replica('replica-b', connections[1] as MongoConnection);
    await a.runs.insert(queued('run_live'));
    const begun = await a.ledger.begin(queued('run_live'));
    expect(begun).toMatchObject({ state: 'in_progress', owner: 'replica-a' });
    expect(await b.ledger.begin(queued('run_live'))).toBeNull();

    // Replica B starts while A runs it: nothing to fail.
    b.clock.ms = T0 + SYNC_RUN_LEASE_MS / 3;
    expect(await b.ledger.abandonExpired()).toBe(0);
    // A renews; B looks again after the first lease would have ended.
    a.clock.ms = T0 + (2 * SYNC_RUN_LEASE_MS) / 3;
    expect(await a.runs.renewLease('run_live', 'replica-a', new Date(a.clock.ms + SYNC_RUN_LEASE_MS))).toBe(true);
    b.clock.ms = T0 + SYNC_RUN_LEASE_MS + 1;
    expect(await b.ledger.abandonExpired()).toBe(0);
    expect((await b.runs.findById('run_live'))?.state).toBe('in_progress');

    // A stops renewing: within two lease periods B fails the run, once, and A no longer holds it.
    b.clock.ms = T0 + 2 * SYNC_RUN_LEASE_MS;
    expect(await b.ledger.abandonExpired()).toBe(1);
    expect(await b.ledger.abandonExpired()).toBe(0);
    expect(await b.runs.findById('run_live')).toMatchObject({
      state: 'failed',
      error: { code: 'RECONCILE.PSA_UPSTREAM_FAILED' },
    });
    expect(await a.runs.renewLease('run_live', 'replica-a', new Date(T0 + 3 * SYNC_RUN_LEASE_MS))).toBe(false);
    expect(published).toEqual([
      { name: 'reconcile.sync-run.updated', state: 'in_progress' },
      { name: 'reconcile.sync-run.updated', state: 'failed' },
    ]);
  });

  it('fails a run in progress stored before leases (it has none) at the next start', async () => {
    const b = replica('replica-b', connections[1] as MongoConnection);
    await b.runs.insert(queued('run_old', { state: 'in_progress', startedAt: new Date(T0) }));
    expect(await b.ledger.abandonExpired()).toBe(1);
    expect((await b.runs.findById('run_old'))?.state).toBe('failed');
  });

  it('queues one run per connection when two replicas are asked at once, and another once it ended (mutation: a check for an active run before an insert, as before, queues several)', async () => {
    const a = replica('replica-a', connections[0] as MongoConnection);
    const b = replica('replica-b', connections[1] as MongoConnection);
    const asked = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? a : b).slots.queueUnlessActive(queued(`run_c${i}`, { connectionId: 'cw2' })),
    );
    const answers = await Promise.all(asked);
    const queuedRuns = answers.filter((answer) => answer.queued);
    expect(queuedRuns).toHaveLength(1);
    const winner = queuedRuns[0]?.run._id;
    expect(new Set(answers.map((answer) => answer.run._id))).toEqual(new Set([winner]));
    expect((await a.runs.page({ connectionId: 'cw2', limit: 50 }, (run) => run._id)).items).toEqual([winner]);

    // It runs and ends on replica B; the next request queues a new run.
    const run = await b.ledger.begin(queued(winner ?? '', { connectionId: 'cw2' }));
    await b.ledger.failed(run as SyncRunDoc, new AppError('RECONCILE.PSA_UPSTREAM_FAILED', 'spec'));
    expect(await a.slots.queueUnlessActive(queued('run_next', { connectionId: 'cw2' }))).toMatchObject({
      queued: true,
      run: { _id: 'run_next' },
    });
  });

  it('frees a slot whose run ended without releasing it (a replica stopped in between)', async () => {
    const a = replica('replica-a', connections[0] as MongoConnection);
    await a.runs.insert(queued('run_done', { connectionId: 'cw3', state: 'complete' }));
    await new SyncRunSlotRepository(connections[0] as MongoConnection).claim('cw3', 'run_done', new Date(T0));
    expect(await a.slots.queueUnlessActive(queued('run_after', { connectionId: 'cw3' }))).toMatchObject({
      queued: true,
      run: { _id: 'run_after' },
    });
  });

  it('begins a queued run on exactly one of two replicas asked at once (mutation: the conditional update alone begins it several times on FerretDB)', async () => {
    const a = replica('replica-a', connections[0] as MongoConnection);
    const b = replica('replica-b', connections[1] as MongoConnection);
    await a.runs.insert(queued('run_race', { connectionId: 'cw4' }));
    const begun = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? a : b).ledger.begin(queued('run_race', { connectionId: 'cw4' })),
      ),
    );
    expect(begun.filter((run) => run !== null)).toHaveLength(1);
    expect((await a.runs.findById('run_race'))?.revision).toBe(2);
  });
});
