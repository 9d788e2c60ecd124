import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import type { Seats } from '@seatwise/shared/contracts/discovery-views';
import { isDeepStrictEqual } from 'node:util';
import type { Scope } from '../inventory/ids';
import { SeatsService } from './seats.service';
import { type UsageFigures, type UsageStateDoc, UsageStateRepository } from './usage-state.repository';

// Publishes `discovery.account.usage` when an account's billable users, active users or reclaimable seats
// changed (after a users snapshot, an auth-log batch, or a settings change touched it), with a revision
// that grows per account. An unchanged account publishes nothing; an event a crash left unpublished goes
// out at the next refresh of its account.
@Injectable()
export class UsageAnnouncer {
  // One refresh per account at a time (the auth-log and users loops both refresh).
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly seats: SeatsService,
    private readonly states: UsageStateRepository,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async refresh(accountIds: Iterable<string>): Promise<void> {
    for (const accountId of new Set(accountIds)) {
      await this.serial.run(accountId, () => this.refreshOne({ accountId }));
    }
  }

  private async refreshOne(scope: Scope): Promise<void> {
    const figures = usageFigures(await this.seats.of(scope));
    const state = await this.states.get(scope);
    if (state && isDeepStrictEqual(state.figures, figures)) {
      if (!state.published) await this.publish(state);
      return;
    }
    const next: UsageStateDoc = {
      _id: scope.accountId,
      revision: (state?.revision ?? 0) + 1,
      figures,
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
