import type { LeaseState } from '@seatwise/platform/db/lease-table';
import { MEMBER_PREFIX } from './partitions';

export interface LeaseRound {
  me: string;
  now: Date;
  // Every partition lease.
  wanted: ReadonlySet<string>;
  // The partition leases this replica holds now.
  held: ReadonlySet<string>;
  // The table as read this round (members included).
  states: readonly LeaseState[];
}

export interface LeasePlan {
  renew: string[];
  release: string[];
  acquire: string[];
}

// One round of sharing the partitions (the connector's fair share, apps/duo-connector/src/leases/lease-plan.ts, which
// an app may not import): each replica holds at most the partitions over the live replicas, rounded up, so a replica
// that joins gets the excess the others release, and a dead replica's partitions, once expired, go to the survivors.
export function planLeases(round: LeaseRound): LeasePlan {
  const live = Math.max(1, round.states.filter((s) => s.id.startsWith(MEMBER_PREFIX) && isLive(s, round.now)).length);
  const share = Math.ceil(round.wanted.size / live);
  const kept = [...round.held].filter((id) => round.wanted.has(id)).sort();
  const release = [...round.held].filter((id) => !round.wanted.has(id));
  release.push(...kept.splice(share));
  const byId = new Map(round.states.map((s) => [s.id, s]));
  const takeable = [...round.wanted]
    .filter((id) => !round.held.has(id) && isTakeable(byId.get(id), round.me, round.now))
    .sort();
  return { renew: kept, release, acquire: takeable.slice(0, Math.max(0, share - kept.length)) };
}

export function isLive(state: LeaseState, now: Date): boolean {
  return state.owner !== null && state.expiresAt > now;
}

function isTakeable(state: LeaseState | undefined, me: string, now: Date): boolean {
  return state === undefined || state.owner === me || !isLive(state, now);
}
