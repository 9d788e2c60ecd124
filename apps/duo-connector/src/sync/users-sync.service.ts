import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { randomUUID } from 'node:crypto';
import { AccountStateRepository } from '../accounts/account-state.repository';
import type { AccountTarget } from './account-target';
import { RecordPublisher } from './record-publisher';

export interface UsersSnapshot {
  userCount: number;
  pendingDeletionCount: number;
}

// A full users snapshot: every page published, then the end marker. A crash mid-way leaves a
// snapshot without its marker, which consumers ignore; the next run starts a new snapshot id.
@Injectable()
export class UsersSyncService {
  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly bus: EventBus,
    private readonly records: RecordPublisher,
    private readonly clock: Clock,
  ) {}

  async snapshot(target: AccountTarget, beforePage: () => Promise<void>): Promise<UsersSnapshot> {
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
