import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import { randomUUID } from 'node:crypto';
import type { AccountKey } from '../accounts/account-key';
import { AccountStateRepository } from '../accounts/account-state.repository';
import type { AccountTarget } from './account-target';
import { RecordPublisher } from './record-publisher';

export interface UsersSnapshot {
  userCount: number;
  pendingDeletionCount: number;
}

// A full users snapshot: every page published, then the end marker. A crash mid-way leaves a
// snapshot without its marker, which consumers ignore; the next run starts a new snapshot id. So does a replica
// that lost the account's lease mid-way: it never ends its snapshot, so two replicas' pages never make one.
@Injectable()
export class UsersSyncService {
  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly bus: EventBus,
    private readonly records: RecordPublisher,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  // How long until the account's next snapshot is due (0: now), whichever replica took the last one.
  async dueInMs(key: AccountKey): Promise<number> {
    const at = (await this.accounts.get(key))?.usersSnapshotAt ?? null;
    return usersDueInMs(at, this.clock.nowMs(), this.env.CONNECTOR_USERS_INTERVAL_MS);
  }

  // null: `stillHeld` turned false before the end marker, which is then not sent.
  async snapshot(
    target: AccountTarget,
    beforePage: () => Promise<void>,
    stillHeld: () => boolean,
  ): Promise<UsersSnapshot | null> {
    const { integrationId, accountId } = target.key;
    const snapshotId = randomUUID();
    const startedAt = this.clock.now().toISOString();
    const counts: UsersSnapshot = { userCount: 0, pendingDeletionCount: 0 };
    let offset: number | null = 0;
    while (offset !== null) {
      await beforePage();
      const page = await target.client.users({ accountId: target.accountParam, offset });
      const observedAt = this.clock.now().toISOString();
      const published = await this.records.publish(
        'duo.users.record',
        accountId,
        page.users.map((record) => ({ integrationId, accountId, snapshotId, record, observedAt })),
      );
      counts.userCount += published.length;
      counts.pendingDeletionCount += published.filter((u) => u.record.status === 'pending deletion').length;
      offset = page.nextOffset;
    }
    if (!stillHeld()) return null;
    const completedAt = this.clock.now().toISOString();
    await this.bus.publish('duo.users.snapshot-complete', {
      integrationId,
      accountId,
      snapshotId,
      userCount: counts.userCount,
      startedAt,
      completedAt,
    });
    await this.accounts.update(target.key, { usersSnapshotAt: this.clock.now() });
    return counts;
  }
}

// How long until a users snapshot taken at `at` (null: never) is due again: none is taken twice within an interval,
// after a restart or by another replica.
export function usersDueInMs(at: Date | null, now: number, intervalMs: number): number {
  return at ? Math.max(0, new Date(at).getTime() + intervalMs - now) : 0;
}
