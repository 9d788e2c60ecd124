import { Injectable } from '@nestjs/common';
import { ActivityRepository } from '../../inventory/activity.repository';
import { InventoryWrites, type WriteMode } from '../../inventory/inventory-writes';
import { ServicesRepository } from '../../inventory/services.repository';
import { UsageRepository } from '../../inventory/usage.repository';
import { UsersRepository } from '../../inventory/users.repository';
import { WriteLock } from '../../inventory/write-lock';
import type { RedoEntry } from './redo-entry';

// Writes a batch's documents to the inventories, in the configured mode, under the services and users
// locks: a manual command or a users snapshot in between would be overwritten by the batch's documents.
// The day counts are written by the batches alone.
@Injectable()
export class BatchWriter {
  constructor(
    private readonly services: ServicesRepository,
    private readonly users: UsersRepository,
    private readonly usage: UsageRepository,
    private readonly activity: ActivityRepository,
    private readonly lock: WriteLock,
    private readonly writes: InventoryWrites,
  ) {}

  // Plans (inside the locks, so the plan reads what it overwrites) and writes what `plan` returns.
  async planAndWrite(plan: (mode: WriteMode) => Promise<RedoEntry[]>): Promise<RedoEntry[]> {
    const mode = await this.writes.mode();
    return this.locked(async () => {
      const planned = await plan(mode);
      await this.write(planned, mode);
      return planned;
    });
  }

  // Replays a complete redo log (only rewrite mode saves one).
  rewrite(entries: readonly RedoEntry[]): Promise<void> {
    return this.locked(() => this.write(entries, 'rewrite'));
  }

  private locked<T>(task: () => Promise<T>): Promise<T> {
    return this.lock.run('services', () => this.lock.run('users', task));
  }

  private async write(entries: readonly RedoEntry[], mode: WriteMode): Promise<void> {
    const usage = entries.flatMap((e) => (e.coll === 'usage' ? [e.doc] : []));
    const services = entries.flatMap((e) => (e.coll === 'services' ? [e.doc] : []));
    const users = entries.flatMap((e) => (e.coll === 'users' ? [e.doc] : []));
    const activity = entries.flatMap((e) => (e.coll === 'activity' ? [e.doc] : []));
    if (mode === 'replace') {
      // All settled before a failure propagates: recovery must not re-plan while a write is in flight.
      const results = await Promise.allSettled([
        this.usage.save(usage, mode),
        this.services.save(services, mode),
        this.users.save(users, mode),
        this.activity.save(activity, mode),
      ]);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      return;
    }
    // One collection at a time: a rewrite leaves its documents missing until its insert.
    await this.usage.save(usage, mode);
    await this.services.save(services, mode);
    await this.users.save(users, mode);
    await this.activity.save(activity, mode);
  }
}
