import { authRecord } from '@seatwise/duo-simulator/data/events';
import { hashString, mix, unit } from '@seatwise/duo-simulator/data/hash';
import type { Account, World } from '@seatwise/duo-simulator/data/model';
import { Timeline } from '@seatwise/duo-simulator/data/timeline';
import { userObject, userStatuses } from '@seatwise/duo-simulator/data/users';
import { allocate, buildWorld } from '@seatwise/duo-simulator/data/world';
import { resolveOptions } from '@seatwise/duo-simulator/options';
import type {
  DuoAuthLogEvent,
  DuoUserEvent,
  DuoUserSnapshotCompleteEvent,
} from '@seatwise/shared/contracts/duo-events';

// The MSP-shaped data of the discovery bench (BENCH_DISCOVERY_PROFILE=msp, issue #19): many customer accounts
// of skewed sizes, a few large ones. The records are the Duo simulator's own (authRecord, userObject) on a world
// whose accounts are resized here, so the data is what the connector would publish from that simulator.

export interface SkewOptions {
  seed: string;
  // Spread of the lognormal: 0 gives equal sizes; 1.2 makes the largest of 200 about 25x the median.
  sigma: number;
  min: number;
  max: number;
}

// `count` sizes summing to exactly count × mean, each in [min, max], drawn lognormal from a seeded hash (the same
// seed always gives the same sizes).
export function skewedSizes(count: number, mean: number, options: SkewOptions): number[] {
  const total = Math.round(count * mean);
  if (count * options.min > total || count * options.max < total) {
    throw new Error(`cannot split ${total} into ${count} sizes within [${options.min}, ${options.max}]`);
  }
  const seed = hashString(options.seed);
  const weights = Array.from({ length: count }, (_, i) => {
    // Box-Muller from two hashed uniforms (the first kept away from 0).
    const u = 1 - unit(mix(seed, 2 * i));
    const v = unit(mix(seed, 2 * i + 1));
    return Math.exp(options.sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
  // Sizes above max are capped and what they lose goes to the others by weight, until none exceeds it.
  const sizes = new Array<number>(count).fill(options.min);
  const capped = new Set<number>();
  for (;;) {
    const open = weights.map((w, i) => (capped.has(i) ? 0 : w));
    const rest = total - options.min * count - capped.size * (options.max - options.min);
    const extra = allocate(rest, open);
    const over = extra.findIndex((e, i) => !capped.has(i) && options.min + e > options.max);
    if (over < 0) {
      extra.forEach((e, i) => (sizes[i] = capped.has(i) ? options.max : options.min + e));
      return sizes;
    }
    extra.forEach((e, i) => {
      if (!capped.has(i) && options.min + e > options.max) capped.add(i);
    });
  }
}

export interface MspOptions {
  seed: string;
  accounts: number;
  // Means per account; the sizes are skewed around them.
  users: number;
  apps: number;
  // Auth events over all accounts, each account's share proportional to its users.
  events: number;
  anchor: number;
  historyDays: number;
}

export const MSP_DEFAULTS: Omit<MspOptions, 'events' | 'anchor'> = {
  seed: 'seatwise-msp',
  accounts: 200,
  users: 100,
  apps: 20,
  historyDays: 30,
};

// The simulator's world (accounts, ids, app names, salts) with each account resized: skewed users and apps
// (the larger a customer's user count, the more apps it tends to have) and events in proportion to its users.
export function mspWorld(options: MspOptions): World {
  // The simulator allows at most 200 apps per account: every account gets 200 and keeps its share of them.
  const base = buildWorld(
    resolveOptions({
      seed: options.seed,
      accounts: options.accounts,
      usersPerAccount: 1,
      apps: 200,
      events: 0,
      historyDays: options.historyDays,
      anchorTime: options.anchor,
      rateLimits: false,
    }),
    options.anchor,
  );
  const users = skewedSizes(options.accounts, options.users, {
    seed: `${options.seed}:users`,
    sigma: 1.2,
    min: 3,
    max: 100_000,
  });
  const apps = skewedSizes(options.accounts, options.apps, {
    seed: `${options.seed}:apps`,
    sigma: 0.8,
    min: 2,
    max: 200,
  });
  // Rank-correlated: the account with the most users gets the most apps, and so on down.
  const byUsers = users.map((_, i) => i).sort((a, b) => (users[b] ?? 0) - (users[a] ?? 0) || a - b);
  const appsByRank = [...apps].sort((a, b) => b - a);
  const appsOf = new Map(byUsers.map((account, rank) => [account, appsByRank[rank] ?? options.apps]));
  const events = allocate(options.events, users);
  const accounts = base.accounts.map((account, i): Account => ({
    ...account,
    statuses: userStatuses(account.salt, users[i] ?? 1),
    apps: account.apps.slice(0, appsOf.get(i)),
    auth: new Timeline(account.auth.salt, events[i] ?? 0, account.auth.start, account.auth.end, null),
  }));
  return { ...base, accounts, byId: new Map(accounts.map((a) => [a.id, a])) };
}

// Every auth event of the world as the connector publishes them: all accounts polled in turn, each poll bringing
// an account's next slice of its history in time order (each account's share of `rounds` polls), in chunks.
export function* mspAuthEvents(
  world: World,
  anchor: number,
  integrationId: string,
  rounds = 500,
  chunk = 1_000,
): Generator<DuoAuthLogEvent[]> {
  const fetchedAt = new Date(anchor).toISOString();
  const next = world.accounts.map(() => 0);
  let out: DuoAuthLogEvent[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const account of world.accounts) {
      const end = Math.ceil(((round + 1) * account.auth.count) / rounds);
      for (let i = next[account.index] ?? 0; i < end; i++) {
        out.push({
          integrationId,
          accountId: account.id,
          fetchedAt,
          record: authRecord(account, i) as DuoAuthLogEvent['record'],
        });
        if (out.length >= chunk) {
          yield out;
          out = [];
        }
      }
      next[account.index] = end;
    }
  }
  if (out.length > 0) yield out;
}

// One account's full users snapshot (every user of the account) and its end marker.
export function mspUsersSnapshot(
  account: Account,
  anchor: number,
  integrationId: string,
  snapshotId: string,
): { users: DuoUserEvent[]; complete: DuoUserSnapshotCompleteEvent } {
  const observedAt = new Date(anchor).toISOString();
  const users = Array.from(account.statuses, (_, i): DuoUserEvent => ({
    integrationId,
    accountId: account.id,
    snapshotId,
    record: userObject(account, i, anchor) as DuoUserEvent['record'],
    observedAt,
  }));
  return {
    users,
    complete: {
      integrationId,
      accountId: account.id,
      snapshotId,
      userCount: users.length,
      startedAt: observedAt,
      completedAt: observedAt,
    },
  };
}
