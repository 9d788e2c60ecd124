import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AccountSummary } from '@seatwise/shared/contracts/discovery-views';
import { ServicesRepository, type SummaryFields } from '../inventory/services.repository';
import { type UserDoc, UsersRepository } from '../inventory/users.repository';
import { DAY_MS } from './filters';

// Per-account counts from one pass over the services and one over the users of the scope (an account's users
// through its list). Without an accountId this is the one explicitly cross-tenant query: the list of accounts,
// each with its own figures.
@Injectable()
export class SummaryQuery {
  constructor(
    private readonly services: ServicesRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  async summaries(accountId?: string): Promise<AccountSummary[]> {
    const weekAgo = new Date(this.clock.nowMs() - 7 * DAY_MS);
    const summaries = new Summaries();
    for await (const service of this.services.summaryFields(accountId === undefined ? {} : { accountId })) {
      summaries.addService(service, weekAgo);
    }
    const users = accountId === undefined ? this.users.all() : this.users.ofAccounts([{ accountId }]);
    for await (const user of users) summaries.addUser(user);
    return summaries.all().sort((a, b) => a.accountId.localeCompare(b.accountId));
  }
}

// The summaries being added up, one per account met in either pass.
class Summaries {
  private readonly byAccount = new Map<string, AccountSummary>();

  addService(service: SummaryFields, weekAgo: Date): void {
    const s = this.of(service.accountId);
    s.services++;
    if (service.status === 'new') s.unmatched++;
    if (service.status === 'ignored') s.ignored++;
    if (service.catalog !== null) s.matched++;
    if (service.firstSeen >= weekAgo) s.newThisWeek++;
    s.authCount += service.authCount;
    const last = service.lastSeen.toISOString();
    if (s.lastSeen === null || last > s.lastSeen) s.lastSeen = last;
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
