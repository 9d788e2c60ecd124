import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AccountSummary } from '@seatwise/shared/contracts/discovery-views';
import type { mongo } from 'mongoose';
import { ServicesRepository } from '../db/services.repository';
import { UsersRepository } from '../db/users.repository';
import { DAY_MS } from './filters';

interface Group {
  _id: { accountId: string; kind: string | null };
  n: number;
}

// Per-account counts with $group + $sum only (what FerretDB offers). Without an accountId this is the
// one explicitly cross-tenant query: the list of accounts, each with its own figures.
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
      this.group(this.services.collection, scope, true),
      this.authCounts(scope),
      this.group(this.services.collection, { ...scope, catalog: { $ne: null } }),
      this.group(this.services.collection, { ...scope, firstSeen: { $gte: weekAgo } }),
      this.group(this.users.collection, scope),
      this.group(this.users.collection, { ...scope, removedAt: { $ne: null } }),
    ]);
    const summaries = new Map<string, AccountSummary>();
    const of = (id: string): AccountSummary => {
      let summary = summaries.get(id);
      if (!summary) {
        summary = { accountId: id, services: 0, matched: 0, unmatched: 0, ignored: 0, newThisWeek: 0, users: 0, removedUsers: 0, authCount: 0, lastSeen: null };
        summaries.set(id, summary);
      }
      return summary;
    };
    for (const g of byStatus) {
      const s = of(g._id.accountId);
      s.services += g.n;
      if (g._id.kind === 'new') s.unmatched += g.n;
      if (g._id.kind === 'ignored') s.ignored += g.n;
    }
    for (const g of auth) of(g._id).authCount += g.auth;
    for (const g of matched) of(g._id.accountId).matched += g.n;
    for (const g of fresh) of(g._id.accountId).newThisWeek += g.n;
    for (const g of users) of(g._id.accountId).users += g.n;
    for (const g of removed) of(g._id.accountId).removedUsers += g.n;
    for (const summary of summaries.values()) {
      const [latest] = await this.services.find({ accountId: summary.accountId }, {}, { lastSeen: -1, _id: -1 }, 1);
      summary.lastSeen = latest ? latest.lastSeen.toISOString() : null;
    }
    return [...summaries.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
  }

  // Counts per account (and per status when `byStatus`).
  private async group<D extends mongo.Document>(collection: mongo.Collection<D>, match: mongo.Filter<D>, byStatus = false): Promise<Group[]> {
    const _id = byStatus ? { accountId: '$accountId', kind: '$status' } : '$accountId';
    const rows = await collection.aggregate<{ _id: string | Group['_id']; n: number }>([{ $match: match }, { $group: { _id, n: { $sum: 1 } } }]).toArray();
    return rows.map((row) => ({ ...row, _id: typeof row._id === 'string' ? { accountId: row._id, kind: null } : row._id }));
  }

  // Its own $group: FerretDB 1.24 returns 0 for a field $sum next to another accumulator.
  private authCounts(scope: { accountId?: string }): Promise<{ _id: string; auth: number }[]> {
    return this.services.collection.aggregate<{ _id: string; auth: number }>([{ $match: scope }, { $group: { _id: '$accountId', auth: { $sum: '$authCount' } } }]).toArray();
  }
}
