import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@seatwise/platform/tokens';
import type { DuoUserEvent, DuoUserSnapshotCompleteEvent } from '@seatwise/shared/contracts/duo-events';
import type { Logger } from '@seatwise/shared/logging/logger';
import { userIdOf } from '../../inventory/ids';
import { type ProfileUpdate, UsersRepository } from '../../inventory/users.repository';
import { WriteLock } from '../../inventory/write-lock';
import { UsageAnnouncer } from '../../seats/usage-announcer';
import { SnapshotsRepository } from './snapshots.repository';

export type UsersStreamEvent =
  | { name: 'duo.users.record'; payload: DuoUserEvent }
  | { name: 'duo.users.snapshot-complete'; payload: DuoUserSnapshotCompleteEvent };

// Users snapshots → user profiles. Records are applied in bulk; an end marker first applies the
// records before it (stream order), then marks the account's users it did not contain as removed.
// Every write is a $set guarded by observation time, so redelivery and replays change nothing.
@Injectable()
export class UsersIngestService {
  constructor(
    private readonly users: UsersRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly lock: WriteLock,
    private readonly usage: UsageAnnouncer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(events: readonly UsersStreamEvent[]): Promise<void> {
    let pending = new Map<string, ProfileUpdate>();
    for (const event of events) {
      if (event.name === 'duo.users.record') {
        const update = toProfileUpdate(event.payload);
        const known = pending.get(update.id);
        if (!known || known.observedAt <= update.observedAt) pending.set(update.id, update);
      } else {
        await this.flush(pending);
        pending = new Map();
        await this.complete(event.payload);
      }
    }
    await this.flush(pending);
  }

  private async flush(pending: Map<string, ProfileUpdate>): Promise<void> {
    if (pending.size === 0) return;
    await this.lock.run('users', () => this.users.applyProfiles([...pending.values()]));
  }

  private async complete(event: DuoUserSnapshotCompleteEvent): Promise<void> {
    const scope = { accountId: event.accountId };
    const startedAt = new Date(event.startedAt);
    if (await this.snapshots.isStale(scope, startedAt)) {
      // A redelivered end marker: its refresh may be what failed the first time.
      await this.usage.refresh([event.accountId]);
      return;
    }
    const removed = await this.lock.run('users', () =>
      this.users.markRemoved(scope, event.snapshotId, startedAt, new Date(event.completedAt)),
    );
    await this.snapshots.recordComplete(scope, event.snapshotId, startedAt);
    await this.usage.refresh([event.accountId]);
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
