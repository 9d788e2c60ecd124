import { Clock } from '@seatwise/platform/clock/clock';
import type { Lease, LeaseState } from '@seatwise/platform/db/lease-table';
import { createLogger } from '@seatwise/shared/logging/logger';
import type { IngestLeaseTable } from './ingest-lease-table';
import { IngestOwnership, NotOwnerError } from './ingest-ownership';

// The lease table's rules in memory (the real one has its own integration spec in platform).
class MemoryLeases {
  readonly rows = new Map<string, LeaseState>();

  acquire(id: string, owner: string, ttlMs: number, now: Date): Promise<Lease | null> {
    const row = this.rows.get(id);
    if (row && row.owner !== owner && row.owner !== null && row.expiresAt > now) return Promise.resolve(null);
    const token = row && row.owner === owner ? row.token : (row?.token ?? 0) + 1;
    const lease = { id, owner, token, expiresAt: new Date(now.getTime() + ttlMs) };
    this.rows.set(id, lease);
    return Promise.resolve(lease);
  }

  renew(lease: Lease, ttlMs: number, now: Date): Promise<Lease | null> {
    const row = this.rows.get(lease.id);
    if (row?.owner !== lease.owner || row.token !== lease.token) return Promise.resolve(null);
    return this.acquire(lease.id, lease.owner, ttlMs, now);
  }

  release(lease: Lease): Promise<void> {
    const row = this.rows.get(lease.id);
    if (row?.owner === lease.owner && row.token === lease.token) {
      this.rows.set(lease.id, { ...row, owner: null, expiresAt: new Date(0) });
    }
    return Promise.resolve();
  }

  all(): Promise<LeaseState[]> {
    return Promise.resolve([...this.rows.values()]);
  }
}

const options = { partitions: 4, leaseMs: 60_000, handBackMs: 10 };

function replica(table: MemoryLeases, instanceId: string): IngestOwnership {
  const info = { name: 'discovery' as const, version: '0', startedAt: new Date(), instanceId };
  return new IngestOwnership(
    table as unknown as IngestLeaseTable,
    new Clock(),
    options,
    info,
    createLogger('discovery', 'silent'),
  );
}

describe('IngestOwnership', () => {
  const started: IngestOwnership[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((o) => o.leave()));
  });

  it('runs no work on a partition it does not hold', async () => {
    const alone = replica(new MemoryLeases(), 'x');
    await expect(alone.run(0, () => Promise.resolve(1))).rejects.toBeInstanceOf(NotOwnerError);
  });

  it('takes every partition alone, reports each new token, and runs under the holder it records', async () => {
    const table = new MemoryLeases();
    const x = replica(table, 'x');
    started.push(x);
    const acquired: number[] = [];
    x.onAcquired((p) => acquired.push(p));
    await x.join();
    expect(x.heldPartitions()).toEqual([0, 1, 2, 3]);
    expect(acquired.sort()).toEqual([0, 1, 2, 3]);
    expect(x.holdsAll()).toBe(true);
    await expect(x.run(2, (h) => Promise.resolve(h))).resolves.toEqual({ partition: 2, owner: 'x', token: 1 });
  });

  it('never takes a partition a live replica holds, and refuses writes under a lease that changed hands', async () => {
    const table = new MemoryLeases();
    const x = replica(table, 'x');
    started.push(x);
    await x.join();
    const holder = await x.run(1, (h) => Promise.resolve(h));
    const y = replica(table, 'y');
    started.push(y);
    await y.join();
    // x holds all four and is live: y gets nothing until x hands its excess over.
    expect(y.heldPartitions()).toEqual([]);
    // The lease moved on (e.g. expired and taken while x stalled): x's batch may no longer write.
    table.rows.set('partition:1', {
      id: 'partition:1',
      owner: 'y',
      token: 2,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await x.leave();
    expect(() => {
      x.assertHolds(holder);
    }).toThrow(NotOwnerError);
  });

  it('releases a partition only after the task in hand, and starts no new one meanwhile', async () => {
    const table = new MemoryLeases();
    const x = replica(table, 'x');
    await x.join();
    let finish: () => void = () => undefined;
    let begun: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (begun = resolve));
    const task = x.run(0, () => {
      begun();
      return new Promise<string>(
        (resolve) =>
          (finish = () => {
            resolve('done');
          }),
      );
    });
    await running;
    const leaving = x.leave();
    expect(x.holds(0)).toBe(false);
    await expect(x.run(0, () => Promise.resolve('late'))).rejects.toBeInstanceOf(NotOwnerError);
    expect(table.rows.get('partition:0')?.owner).toBe('x');
    finish();
    await expect(task).resolves.toBe('done');
    await leaving;
    expect(table.rows.get('partition:0')?.owner).toBeNull();
  });
});
