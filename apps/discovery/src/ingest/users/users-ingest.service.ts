import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@seatwise/platform/tokens';
import type { DuoUserEvent, DuoUserSnapshotCompleteEvent } from '@seatwise/shared/contracts/duo-events';
import type { Logger } from '@seatwise/shared/logging/logger';
import { userIdOf } from '../../inventory/ids';
import { type ProfileUpdate, UsersRepository } from '../../inventory/users.repository';
import { WriteLock } from '../../inventory/write-lock';
import { UsageAnnouncer } from '../../seats/usage-announcer';
import { type Holder, IngestOwnership } from '../ownership/ingest-ownership';
import { byPartition } from '../ownership/partitions';
import { SnapshotsRepository } from './snapshots.repository';

export type UsersStreamEvent =
  | { name: 'duo.users.record'; payload: DuoUserEvent }
  | { name: 'duo.users.snapshot-complete'; payload: DuoUserSnapshotCompleteEvent };

// Users snapshots → user profiles. Records are applied in bulk; an end marker first applies the
// records before it (stream order), then marks the account's users it did not contain as removed.
// Every write is a $set guarded by observation time, so redelivery and replays change nothing.
// Several replicas (#18): an account's events are applied only by the holder of its partition (IngestOwnership), the
// replica that also writes the account's users from the auth logs, so a profile and a batch never overwrite each other.
@Injectable()
export class UsersIngestService {
  constructor(
    private readonly users: UsersRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly lock: WriteLock,
    private readonly usage: UsageAnnouncer,
    private readonly ownership: IngestOwnership,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Throws NotOwnerError for events of a partition this replica does not hold (the consumer handed those back).
  async handle(events: readonly UsersStreamEvent[]): Promise<void> {
    const parts = byPartition(events, (e) => e.payload.accountId, this.ownership.options.partitions);
    for (const [partition, part] of parts) {
      await this.ownership.run(partition, (holder) => this.handleOwned(holder, part));
    }
  }

  private async handleOwned(holder: Holder, events: readonly UsersStreamEvent[]): Promise<void> {
    let pending = new Map<string, ProfileUpdate>();
    const completed = new Set<string>();
    for (const event of events) {
      if (event.name === 'duo.users.record') {
        const update = toProfileUpdate(event.payload);
        const known = pending.get(update.id);
        if (!known || known.observedAt <= update.observedAt) pending.set(update.id, update);
      } else {
        await this.flush(holder, pending);
        pending = new Map();
        await this.complete(holder, event.payload);
        completed.add(event.payload.accountId);
      }
    }
    await this.flush(holder, pending);
    // The accounts whose snapshot ended, together (a stream of many accounts' snapshots ends one after another); a
    // redelivery after a failure here finds each end marker stale and refreshes its account again. With them, the
    // accounts whose records came after their snapshot's end marker.
    await this.usage.refresh([...completed, ...(await this.lateSnapshots(events, completed))]);
  }

  // Accounts with records of the snapshot whose end marker was already applied: with several replicas a record handed
  // back by a replica not holding its partition comes after the end marker, which marked its user removed and
  // refreshed the account's counts without it. The record revives the user (it was observed during the snapshot);
  // the counts are refreshed again here. Accounts whose end marker this batch applied are refreshed anyway: not read.
  private async lateSnapshots(events: readonly UsersStreamEvent[], completed: ReadonlySet<string>): Promise<string[]> {
    const recorded = new Map<string, Set<string>>();
    for (const event of events) {
      if (event.name !== 'duo.users.record' || completed.has(event.payload.accountId)) continue;
      const ids = recorded.get(event.payload.accountId) ?? new Set<string>();
      recorded.set(event.payload.accountId, ids.add(event.payload.snapshotId));
    }
    const latest = await this.snapshots.completedOf([...recorded.keys()].map((accountId) => ({ accountId })));
    return [...recorded].flatMap(([accountId, ids]) => (ids.has(latest.get(accountId) ?? '') ? [accountId] : []));
  }

  // Each write checks the lease first: a replica that lost the partition meanwhile leaves the rest to its holder.
  private async flush(holder: Holder, pending: Map<string, ProfileUpdate>): Promise<void> {
    if (pending.size === 0) return;
    this.ownership.assertHolds(holder);
    await this.lock.run('users', () => this.users.applyProfiles([...pending.values()]));
  }

  private async complete(holder: Holder, event: DuoUserSnapshotCompleteEvent): Promise<void> {
    const scope = { accountId: event.accountId };
    const startedAt = new Date(event.startedAt);
    // A redelivered end marker changes nothing; its account is refreshed all the same (what failed may be that).
    if (await this.snapshots.isStale(scope, startedAt)) return;
    this.ownership.assertHolds(holder);
    const removed = await this.lock.run('users', () =>
      this.users.markRemoved(scope, event.snapshotId, startedAt, new Date(event.completedAt)),
    );
    await this.snapshots.recordComplete(scope, event.snapshotId, startedAt);
    if (removed > 0) {
      this.logger.info(
        { accountId: event.accountId, snapshotId: event.snapshotId, removed },
        'users missing from the snapshot marked removed',
      );
    }
  }
}

function toProfileUpdate(event: DuoUserEvent): ProfileUpdate {
  const { record } = event;
  return {
    id: userIdOf(event.accountId, record.user_id),
    accountId: event.accountId,
    userKey: record.user_id,
    observedAt: new Date(event.observedAt),
    profile: {
      username: record.username,
      realName: record.realname ?? null,
      email: record.email ?? null,
      status: record.status,
      enrolled: record.is_enrolled,
      lastLogin:
        record.last_login === null || record.last_login === undefined ? null : new Date(record.last_login * 1000),
      groups: record.groups.map((g) => g.name),
      snapshotId: event.snapshotId,
    },
  };
}
