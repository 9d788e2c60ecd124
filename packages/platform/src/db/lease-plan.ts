import type { LeaseState } from './lease-table';

// Each replica also keeps a membership lease, `replica:<instance id>`, so the others know how many share the work.
export const MEMBER_PREFIX = 'replica:';

export interface LeaseRound {
  me: string;
  now: Date;
  // Leases this replica would work under (all it knows of).
  wanted: ReadonlySet<string>;
  // Leases it holds now.
  held: ReadonlySet<string>;
  // The table as read this round (members included).
  states: readonly LeaseState[];
}

export interface LeasePlan {
  renew: string[];
  release: string[];
  acquire: string[];
}

// One round of sharing leased work between the replicas of a service (the connector's accounts, discovery's
// partitions): each holds at most its fair share (the wanted leases over the live
// replicas, rounded up), so a replica that joins gets work handed over by the others releasing their excess, and a
// dead replica's leases, once expired, are taken by the survivors whose share grew.
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

// Held by someone: an owner, and not expired.
export function isLive(state: LeaseState, now: Date): boolean {
  return state.owner !== null && state.expiresAt > now;
}

function isTakeable(state: LeaseState | undefined, me: string, now: Date): boolean {
  return state === undefined || state.owner === me || !isLive(state, now);
}
