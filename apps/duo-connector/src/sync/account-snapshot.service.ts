import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { AccountStateRepository } from '../accounts/account-state.repository';
import type { AccountTarget } from './account-target';
import type { UsersSnapshot } from './users-sync.service';

// Seats come from the users snapshot just taken (every user counted by status), not from
// info/summary, whose user_count is not documented to include or exclude pending deletion.
@Injectable()
export class AccountSnapshotService {
  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async publish(target: AccountTarget, users: UsersSnapshot): Promise<void> {
    const state = await this.accounts.get(target.key);
    if (!state) return;
    const accountId = target.accountParam;
    const [summary, edition] = await Promise.all([
      target.client.infoSummary({ accountId }),
      target.client.edition({ accountId }),
    ]);
    const billableSeats = users.userCount - users.pendingDeletionCount;
    const observedAt = this.clock.now();
    // Stored before it is announced: whoever reacts to the event and asks us sees the same seats.
    await this.accounts.update(target.key, { edition, seats: billableSeats, accountSnapshotAt: observedAt });
    await this.bus.publish('duo.account.snapshot', {
      integrationId: target.key.integrationId,
      accountId: target.key.accountId,
      name: state.name,
      edition,
      userCount: users.userCount,
      pendingDeletionCount: users.pendingDeletionCount,
      billableSeats,
      adminCount: summary.adminCount,
      integrationCount: summary.integrationCount,
      observedAt: observedAt.toISOString(),
    });
  }
}
