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
// out at the next refresh of its account. The accounts of one refresh are read and written together (their users,
// their states, their events): a batch touches many accounts, and a round trip or more per account cost an eighth
// of a batch's time on FerretDB (#19).
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
      const steps = accounts.map(({ seats, users }) => this.step(seats, users, states.get(seats.accountId) ?? null));
      await this.apply(steps);
    });
  }

  // Changed figures make a new revision, announced; changed user counts alone are saved under the same revision.
  private step(seats: Seats, users: UserCounts, state: UsageStateDoc | null): Step {
    const figures = usageFigures(seats);
    if (state && isDeepStrictEqual(state.figures, figures)) {
      return {
        save: isDeepStrictEqual(state.users, users) ? null : { ...state, users },
        publish: state.published ? null : state,
      };
    }
    const next: UsageStateDoc = {
      _id: seats.accountId,
      revision: (state?.revision ?? 0) + 1,
      figures,
      users,
      at: this.clock.now(),
      published: false,
    };
    return { save: next, publish: next };
  }

  // Every account's state saved, then published, then marked: a crash or failure between leaves it unpublished, and
  // the next refresh publishes the same revision again (dropped by the stream's msgID if it did go out).
  private async apply(steps: readonly Step[]): Promise<void> {
    await this.states.saveMany(steps.flatMap((s) => (s.save ? [s.save] : [])));
    const unpublished = steps.flatMap((s) => (s.publish ? [s.publish] : []));
    await this.bus.publishAll(
      'discovery.account.usage',
      unpublished.map((state) => ({
        accountId: state._id,
        revision: state.revision,
        ...state.figures,
        at: state.at.toISOString(),
      })),
    );
    await this.states.markPublished(unpublished.map((state) => ({ accountId: state._id, revision: state.revision })));
  }
}

// What a refresh does for one account: the state to save and the one to publish, if any.
interface Step {
  save: UsageStateDoc | null;
  publish: UsageStateDoc | null;
}

export function usageFigures(seats: Seats): UsageFigures {
  return {
    billableUsers: seats.billableUsers,
    activeUsers: { d7: seats.activeUsers.days7, d30: seats.activeUsers.days30, d90: seats.activeUsers.days90 },
    reclaimable: seats.reclaimable,
    unusedAfterDays: seats.unusedAfterDays,
  };
}
