import { serviceEnv } from '@seatwise/testing/scope';
import { startNode, type NodeProcess } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import mongoose from 'mongoose';
import { join } from 'node:path';
import { consumersIdle } from './__fixtures__/inventory-probe';
import { type SimBed, startSimBed } from './__fixtures__/sim-bed';
import { publishAuthEvents } from './__fixtures__/sim-events';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const EVENTS = 20_000;

describe('discovery killed with SIGKILL mid-batch', () => {
  let bed: SimBed;
  let db: mongoose.Connection;
  let batches: ReturnType<mongoose.Connection['collection']>;
  const processes: NodeProcess[] = [];

  beforeAll(async () => {
    bed = await startSimBed('discovery-crash', { accounts: 3, usersPerAccount: 40, apps: 10, events: EVENTS });
    // The journal, read directly: its batch states say whether a batch is being applied.
    db = await mongoose.createConnection(bed.scope.mongoUrl, { dbName: bed.scope.dbName }).asPromise();
    batches = db.collection('batches');
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await db.close();
    await bed.close();
  });

  it('ends in the state of an uninterrupted run after a restart', async () => {
    const { probe, publisher, data } = bed;
    // Small batches: many write steps per second, so the kill lands inside one.
    const env = serviceEnv(bed.scope, { DISCOVERY_BATCH_SIZE: '500', LOG_LEVEL: 'warn' });
    const unfinished = (): Promise<number> => batches.countDocuments({ state: { $ne: 'applied' } });
    // Killed while a batch is being applied (the journal says so). The kill can still land just
    // after the batch finished; then the process is started and killed again, up to 5 times.
    let killedMidBatch = false;
    for (let attempt = 0; attempt < 5 && !killedMidBatch; attempt++) {
      const victim = startNode(MAIN, env);
      processes.push(victim);
      await waitFor(() => probe.rpc.request('discovery.health', {}).then((h) => h.ready), {
        timeoutMs: 30_000,
        description: 'discovery ready',
      });
      if (attempt === 0) expect(await publishAuthEvents(publisher, data)).toBe(EVENTS);
      const applied = await batches.countDocuments({ state: 'applied' });
      await waitFor(
        async () => (await batches.countDocuments({ state: 'applied' })) >= applied + 2 && (await unfinished()) > 0,
        {
          timeoutMs: 120_000,
          intervalMs: 10,
          description: 'a batch being applied',
        },
      );
      victim.kill('SIGKILL');
      expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
      killedMidBatch = (await unfinished()) > 0;
    }
    expect(killedMidBatch).toBe(true);
    expect(await db.collection('auth_facts').countDocuments()).toBeLessThan(EVENTS);

    const second = startNode(MAIN, env);
    processes.push(second);
    // Unacked messages come back after the consumer's ack_wait (60 s).
    await waitFor(async () => (await probe.totalAuthCount()) === EVENTS && (await consumersIdle(probe)), {
      timeoutMs: 180_000,
      intervalMs: 1_000,
      description: 'every event after the restart',
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- discovery output:\n${second.output().slice(-4_000)}`);
    });
    expect(await unfinished()).toBe(0);

    for (const account of data.sim.truth().accounts) {
      const services = await probe.allServices(account.account_id);
      const seen = account.applications.filter((app) => app.events > 0);
      expect(services).toHaveLength(seen.length);
      for (const app of seen) {
        expect(services.find((s) => s.applicationKey === app.key)).toMatchObject({
          attemptedUserCount: app.users,
          authCount: app.events,
        });
      }
    }
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
