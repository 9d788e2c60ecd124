import type { Account, Integration } from './overview-queries';

export interface HealthEntry {
  key: string;
  kind: 'integration' | 'account';
  name: string;
  syncStatus: Integration['syncStatus'];
  behindMs: number | null;
  lastError: Integration['lastError'];
  // 0: failing, 1: fetching (syncing or backfilling), 2: idle.
  tier: 0 | 1 | 2;
}

// What needs attention first: everything failing (newest failure first), then what is fetching (furthest
// behind first), then what is idle.
export function rankSyncHealth(integrations: readonly Integration[], accounts: readonly Account[]): HealthEntry[] {
  const entries: HealthEntry[] = [
    ...integrations.map((i) =>
      entry('integration', i.id, i.name, i.syncStatus, null, i.lastError, i.status === 'error'),
    ),
    ...accounts.map((a) => entry('account', a.id, a.name, a.syncStatus, a.behindMs, a.lastError, false)),
  ];
  return entries.sort(compare);
}

function entry(
  kind: HealthEntry['kind'],
  id: string,
  name: string,
  syncStatus: HealthEntry['syncStatus'],
  behindMs: number | null,
  lastError: HealthEntry['lastError'],
  failed: boolean,
): HealthEntry {
  const tier = failed || lastError !== null || syncStatus === 'error' ? 0 : syncStatus === 'idle' ? 2 : 1;
  return { key: `${kind}:${id}`, kind, name, syncStatus, behindMs, lastError, tier };
}

function compare(a: HealthEntry, b: HealthEntry): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.tier === 0) return (b.lastError?.at ?? '').localeCompare(a.lastError?.at ?? '');
  if (a.tier === 1) return (b.behindMs ?? -1) - (a.behindMs ?? -1);
  return a.name.localeCompare(b.name);
}
