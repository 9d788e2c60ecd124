import type { ServiceDoc } from '../inventory/services.repository';
import type { GroupAccount, GroupDoc } from './groups.repository';

// A group's document from every service in it (any account). Merged services count in the service they
// were merged into, not here. A customer is an account with at least one user of the group (a successful
// authentication); an account whose services only saw failed attempts is listed with 0 users.
// null: nothing left in the group.
export function rollupGroup(key: string, services: readonly ServiceDoc[]): GroupDoc | null {
  const live = services.filter((s) => s.groupKey === key && s.mergedInto === null);
  if (live.length === 0) return null;
  const byAccount = new Map<string, GroupAccount>();
  for (const s of live) {
    const entry = byAccount.get(s.accountId);
    if (!entry) {
      byAccount.set(s.accountId, {
        accountId: s.accountId,
        users: s.userCount,
        serviceIds: [s._id],
        firstSeen: s.firstSeen,
        lastSeen: s.lastSeen,
      });
      continue;
    }
    entry.users += s.userCount;
    entry.serviceIds.push(s._id);
    if (s.firstSeen < entry.firstSeen) entry.firstSeen = s.firstSeen;
    if (s.lastSeen > entry.lastSeen) entry.lastSeen = s.lastSeen;
  }
  const accounts = [...byAccount.values()].sort((a, b) => compare(a.accountId, b.accountId));
  for (const account of accounts) account.serviceIds.sort(compare);
  const named = [...live].sort((a, b) => a.firstSeen.getTime() - b.firstSeen.getTime() || compare(a._id, b._id))[0];
  const catalog = live.find((s) => s.catalog)?.catalog ?? null;
  return {
    _id: key,
    name: catalog?.productName ?? named?.name ?? key,
    productId: catalog?.productId ?? null,
    category: catalog?.category ?? null,
    customers: accounts.filter((a) => a.users > 0).length,
    users: accounts.reduce((n, a) => n + a.users, 0),
    services: live.length,
    firstSeen: new Date(Math.min(...accounts.map((a) => a.firstSeen.getTime()))),
    lastSeen: new Date(Math.max(...accounts.map((a) => a.lastSeen.getTime()))),
    accounts,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
