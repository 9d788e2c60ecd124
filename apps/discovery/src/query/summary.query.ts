import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AccountSummary } from '@seatwise/shared/contracts/discovery-views';
import type { Scope } from '../inventory/ids';
import { type ServiceFigure, ServiceFiguresRepository } from '../inventory/service-figures.repository';
import { type UsageStateDoc, UsageStateRepository, type UserCounts } from '../inventory/usage-state.repository';
import { type UserDoc, UsersRepository } from '../inventory/users.repository';
import { DAY_MS } from './filters';

// Per-account counts from its services' figures (one document per account, written with the services: reading
// the services themselves cost about 0.3 ms each on FerretDB 1.24, a second for an MSP's 4,000, #19) and the user
// counts its last usage refresh saved (one document per account: reading every user cost 0.2 ms each);
// an account without saved counts (a state from before they were kept) has its users read. Without an accountId
// this is the one explicitly cross-tenant query: the list of accounts, each with its own figures. The user counts
// are as of the account's last refresh: after each auth-log batch and each users snapshot that touched it.
@Injectable()
export class SummaryQuery {
  constructor(
    private readonly figures: ServiceFiguresRepository,
    private readonly users: UsersRepository,
    private readonly states: UsageStateRepository,
    private readonly clock: Clock,
  ) {}

  async summaries(accountId?: string): Promise<AccountSummary[]> {
    const weekAgo = new Date(this.clock.nowMs() - 7 * DAY_MS);
    const summaries = new Summaries();
    for await (const account of this.figures.of(accountId === undefined ? {} : { accountId })) {
      for (const figure of account.figures) summaries.addService(account.accountId, figure, weekAgo);
    }
    for await (const state of this.statesOf(accountId)) {
      if (state.users) summaries.addCounts(state._id, state.users);
    }
    const uncounted = summaries.uncounted();
    if (accountId !== undefined && !summaries.met(accountId)) uncounted.push({ accountId });
    if (uncounted.length > 0) {
      for await (const user of this.users.ofAccounts(uncounted)) summaries.addUser(user);
    }
    return summaries.all().sort((a, b) => a.accountId.localeCompare(b.accountId));
  }

  private async *statesOf(accountId: string | undefined): AsyncIterable<UsageStateDoc> {
    if (accountId === undefined) {
      yield* this.states.all();
      return;
    }
    const state = (await this.states.getMany([{ accountId }])).get(accountId);
    if (state) yield state;
  }
}

// The summaries being added up, one per account met in either pass.
class Summaries {
  private readonly byAccount = new Map<string, AccountSummary>();
  private readonly counted = new Set<string>();

  addService(accountId: string, service: ServiceFigure, weekAgo: Date): void {
    const s = this.of(accountId);
    s.services++;
    if (service.status === 'new') s.unmatched++;
    if (service.status === 'ignored') s.ignored++;
    if (service.matched) s.matched++;
    if (service.firstSeen >= weekAgo) s.newThisWeek++;
    s.authCount += service.authCount;
    const last = service.lastSeen.toISOString();
    if (s.lastSeen === null || last > s.lastSeen) s.lastSeen = last;
  }

  // Counts of an account with no user and no service (yet) leave it out, as reading its users would.
  addCounts(accountId: string, counts: UserCounts): void {
    this.counted.add(accountId);
    if (counts.users === 0 && !this.byAccount.has(accountId)) return;
    const s = this.of(accountId);
    s.users = counts.users;
    s.removedUsers = counts.removed;
  }

  met(accountId: string): boolean {
    return this.counted.has(accountId) || this.byAccount.has(accountId);
  }

  // The accounts met whose users are not counted yet.
  uncounted(): Scope[] {
    return [...this.byAccount.keys()].filter((id) => !this.counted.has(id)).map((accountId) => ({ accountId }));
  }

  addUser(user: UserDoc): void {
    const s = this.of(user.accountId);
    s.users++;
    if (user.removedAt) s.removedUsers++;
  }

  all(): AccountSummary[] {
    return [...this.byAccount.values()];
  }

  private of(accountId: string): AccountSummary {
    let summary = this.byAccount.get(accountId);
    if (!summary) {
      summary = {
        accountId,
        services: 0,
        matched: 0,
        unmatched: 0,
        ignored: 0,
        newThisWeek: 0,
        users: 0,
        removedUsers: 0,
        authCount: 0,
        lastSeen: null,
      };
      this.byAccount.set(accountId, summary);
    }
    return summary;
  }
}
