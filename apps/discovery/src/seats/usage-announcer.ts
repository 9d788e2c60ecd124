import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import type { Seats } from '@seatwise/shared/contracts/discovery-views';
import { isDeepStrictEqual } from 'node:util';
import { SeatsService } from './seats.service';
import {
  type UsageFigures,
  type UsageStateDoc,
  UsageStateRepository,
  type UserCounts,
} from '../inventory/usage-state.repository';

// Publishes `discovery.account.usage` when an account's billable users, active users or reclaimable seats
// changed (after a users snapshot, an auth-log batch, or a settings change touched it), with a revision
// that grows per account. An unchanged account publishes nothing; an event a crash left unpublished goes
// out at the next refresh of its account. The accounts of one refresh are read together (their users, their
// states): a batch touches many accounts, and reading each apart cost a round trip or more per account.
@Injectable()
export class UsageAnnouncer {
  // One refresh at a time (the auth-log and users loops both refresh): a refresh's read and write of an account's
  // state must not interleave with another's.
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly seats: SeatsService,
    private readonly states: UsageStateRepository,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async refresh(accountIds: Iterable<string>): Promise<void> {
    const scopes = [...new Set(accountIds)].map((accountId) => ({ accountId }));
    if (scopes.length === 0) return;
    await this.serial.run('refresh', async () => {
      const [accounts, states] = await Promise.all([this.seats.withCounts(scopes), this.states.getMany(scopes)]);
      for (const { seats, users } of accounts) await this.refreshOne(seats, users, states.get(seats.accountId) ?? null);
    });
  }

  // Changed figures make a new revision, announced; changed user counts alone are saved under the same revision.
  private async refreshOne(seats: Seats, users: UserCounts, state: UsageStateDoc | null): Promise<void> {
    const figures = usageFigures(seats);
    if (state && isDeepStrictEqual(state.figures, figures)) {
      if (!isDeepStrictEqual(state.users, users)) await this.states.save({ ...state, users });
      if (!state.published) await this.publish(state);
      return;
    }
    const next: UsageStateDoc = {
      _id: seats.accountId,
      revision: (state?.revision ?? 0) + 1,
      figures,
      users,
      at: this.clock.now(),
      published: false,
    };
    await this.states.save(next);
    await this.publish(next);
  }

  private async publish(state: UsageStateDoc): Promise<void> {
    await this.bus.publish('discovery.account.usage', {
      accountId: state._id,
      revision: state.revision,
      ...state.figures,
      at: state.at.toISOString(),
    });
    await this.states.markPublished({ accountId: state._id }, state.revision);
  }
}

export function usageFigures(seats: Seats): UsageFigures {
  return {
    billableUsers: seats.billableUsers,
    activeUsers: { d7: seats.activeUsers.days7, d30: seats.activeUsers.days30, d90: seats.activeUsers.days90 },
    reclaimable: seats.reclaimable,
    unusedAfterDays: seats.unusedAfterDays,
  };
}
