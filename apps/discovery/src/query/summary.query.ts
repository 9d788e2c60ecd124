import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AccountSummary } from '@seatwise/shared/contracts/discovery-views';
import type { AccountCount } from '../inventory/account-counts';
import { ServicesRepository } from '../inventory/services.repository';
import { UsersRepository } from '../inventory/users.repository';
import { DAY_MS } from './filters';

type Figure = 'services' | 'matched' | 'newThisWeek' | 'users' | 'removedUsers';

// Per-account counts, each its own $group + $sum (what FerretDB offers). Without an accountId this is
// the one explicitly cross-tenant query: the list of accounts, each with its own figures.
@Injectable()
export class SummaryQuery {
  constructor(
    private readonly services: ServicesRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  async summaries(accountId?: string): Promise<AccountSummary[]> {
    const scope = accountId === undefined ? {} : { accountId };
    const weekAgo = new Date(this.clock.nowMs() - 7 * DAY_MS);
    const [byStatus, auth, matched, fresh, users, removed] = await Promise.all([
      this.services.countPerAccountAndStatus(scope),
      this.services.authCountPerAccount(scope),
      this.services.countPerAccount(scope, { catalog: { $ne: null } }),
      this.services.countPerAccount(scope, { firstSeen: { $gte: weekAgo } }),
      this.users.countPerAccount(scope),
      this.users.countPerAccount(scope, { removedAt: { $ne: null } }),
    ]);
    const summaries = new Summaries();
    for (const g of byStatus) {
      const s = summaries.of(g.accountId);
      s.services += g.n;
      if (g.status === 'new') s.unmatched += g.n;
      if (g.status === 'ignored') s.ignored += g.n;
    }
    for (const g of auth) summaries.of(g._id).authCount += g.auth;
    summaries.add('matched', matched);
    summaries.add('newThisWeek', fresh);
    summaries.add('users', users);
    summaries.add('removedUsers', removed);
    for (const summary of summaries.all()) {
      const [latest] = await this.services.find({ accountId: summary.accountId }, {}, { lastSeen: -1, _id: -1 }, 1);
      summary.lastSeen = latest ? latest.lastSeen.toISOString() : null;
    }
    return summaries.all().sort((a, b) => a.accountId.localeCompare(b.accountId));
  }
}

// The summaries being added up, one per account met in any count.
class Summaries {
  private readonly byAccount = new Map<string, AccountSummary>();

  of(accountId: string): AccountSummary {
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

  add(figure: Figure, counts: readonly AccountCount[]): void {
    for (const count of counts) this.of(count.accountId)[figure] += count.n;
  }

  all(): AccountSummary[] {
    return [...this.byAccount.values()];
  }
}
