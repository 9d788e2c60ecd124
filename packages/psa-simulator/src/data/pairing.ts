import { hashString, mix, Prng } from '@seatwise/duo-simulator/data/hash';
import { PENDING_DELETION } from '@seatwise/duo-simulator/data/users';
import { buildWorld } from '@seatwise/duo-simulator/data/world';
import { resolveOptions as resolveDuoOptions } from '@seatwise/duo-simulator/options';
import type { DuoPairing } from '../options';

export type PairingKind = 'exact' | 'near' | 'none';

export interface DuoAccount {
  id: string;
  name: string;
  edition: string;
  // false: Duo's billing API does not tell the edition, so Seatwise sees this account without one.
  editionExposed: boolean;
  // What the Duo simulator's truth reports as billable_seats for this account.
  billableSeats: number;
}

export interface PairingPlan {
  accounts: DuoAccount[];
  // Indexes into `accounts` that get a PSA company with the identical / a nearly identical name.
  exact: number[];
  near: number[];
  // Duo accounts with no PSA company at all.
  unmatched: number[];
}

// Reads the Duo accounts through the Duo simulator's own generator, so names, ids and seat counts are the ones
// a Duo simulator started with the same seed, account count and usersPerAccount serves.
export function duoAccounts(pairing: DuoPairing): DuoAccount[] {
  const options = resolveDuoOptions({
    seed: pairing.seed,
    accounts: pairing.accounts,
    usersPerAccount: pairing.usersPerAccount,
    events: 0,
    apps: 1,
    demo: pairing.demo,
  });
  const world = buildWorld(options, 0);
  return world.accounts.map((a) => ({
    id: a.id,
    name: a.name,
    edition: a.edition,
    editionExposed: a.editionExposed,
    billableSeats: a.statuses.reduce((n, s) => n + (s === PENDING_DELETION ? 0 : 1), 0),
  }));
}

// Exact counts (not per-account coin flips) so small seeds still hit the intended proportions.
export function planPairing(seed: string, pairing: DuoPairing): PairingPlan {
  const accounts = duoAccounts(pairing);
  const order = new Prng(mix(hashString(seed), 0x9a1e)).shuffle([...accounts.keys()]);
  const exactCount = Math.round(accounts.length * pairing.exactShare);
  const nearCount = Math.min(accounts.length - exactCount, Math.round(accounts.length * pairing.nearShare));
  return {
    accounts,
    exact: order.slice(0, exactCount).sort((a, b) => a - b),
    near: order.slice(exactCount, exactCount + nearCount).sort((a, b) => a - b),
    unmatched: order.slice(exactCount + nearCount).sort((a, b) => a - b),
  };
}
