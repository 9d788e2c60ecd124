import { authRecord, eventCore } from './events';
import { PENDING_DELETION, userObject } from './users';
import type { Account, World } from './model';

const DAY_MS = 86_400_000;
// The unused-seat window the truth reports (Seatwise's default).
export const TRUTH_UNUSED_AFTER_DAYS = 30;

export interface TruthApp {
  key: string;
  name: string;
  // Every user who tried (any outcome, enrollments included).
  users: number;
  // Users with a successful authentication (result success, event type authentication).
  successful_users: number;
  events: number;
}

// Billable users (all but pending deletion) that could be reclaimed, by the first reason that applies: never
// enrolled; denied-only (a denied or fraud attempt in the window, no success); inactive (neither).
export interface TruthUnusedSeats {
  after_days: number;
  never_enrolled: number;
  denied_only: number;
  inactive: number;
}

export interface TruthAccount {
  account_id: string;
  name: string;
  edition: string;
  // false: billing/edition refuses to tell `edition`, so a client sees no edition for this account.
  edition_exposed: boolean;
  users: number;
  billable_seats: number;
  auth_events: number;
  applications: TruthApp[];
  unused_seats: TruthUnusedSeats;
}

interface Tally {
  counted: number;
  events: Uint32Array;
  seen: Uint8Array[];
  users: Uint32Array;
  succeeded: Uint8Array[];
  successUsers: Uint32Array;
  // Per user: the newest successful authentication and the newest denied or fraud attempt (ms, 0: none).
  lastSuccess: Float64Array;
  lastDenial: Float64Array;
}

interface Outcome {
  result: string;
  event_type: string;
}

/**
 * Ground truth outside Duo's surface. Counting visits every visible event once: the tally only grows (events
 * become visible as time passes in live mode), so repeated calls cost only the new events.
 */
export class Truth {
  private readonly tallies = new Map<Account, Tally>();

  constructor(
    private readonly world: World,
    private readonly anchor: number,
  ) {}

  // Events up to `visibleUntil`; unused seats as of `now`.
  snapshot(visibleUntil: number, now = Date.now()): { accounts: TruthAccount[] } {
    const present = this.world.accounts.filter((account) => !this.world.hidden.has(account.id));
    return { accounts: present.map((account) => this.forAccount(account, visibleUntil, now)) };
  }

  private tally(account: Account): Tally {
    let tally = this.tallies.get(account);
    if (!tally) {
      const apps = account.apps.length;
      const users = account.statuses.length;
      tally = {
        counted: 0,
        events: new Uint32Array(apps),
        users: new Uint32Array(apps),
        seen: account.apps.map(() => new Uint8Array(users)),
        successUsers: new Uint32Array(apps),
        succeeded: account.apps.map(() => new Uint8Array(users)),
        lastSuccess: new Float64Array(users),
        lastDenial: new Float64Array(users),
      };
      this.tallies.set(account, tally);
    }
    return tally;
  }

  private count(account: Account, tally: Tally, visibleUntil: number): number {
    const visible = account.auth.countAtOrBefore(visibleUntil);
    for (let i = tally.counted; i < visible; i++) {
      const { user, app } = eventCore(account, i);
      const at = account.auth.tsAt(i);
      const { result, event_type: type } = authRecord(account, i) as unknown as Outcome;
      tally.events[app] = (tally.events[app] ?? 0) + 1;
      markOnce(tally.seen[app], tally.users, app, user);
      if (result === 'success' && type === 'authentication') {
        markOnce(tally.succeeded[app], tally.successUsers, app, user);
        tally.lastSuccess[user] = Math.max(tally.lastSuccess[user] ?? 0, at);
      }
      if (result === 'denied' || result === 'fraud') tally.lastDenial[user] = Math.max(tally.lastDenial[user] ?? 0, at);
    }
    tally.counted = Math.max(tally.counted, visible);
    return visible;
  }

  private unusedSeats(account: Account, tally: Tally, now: number): TruthUnusedSeats {
    const cutoff = now - TRUTH_UNUSED_AFTER_DAYS * DAY_MS;
    const out = { after_days: TRUTH_UNUSED_AFTER_DAYS, never_enrolled: 0, denied_only: 0, inactive: 0 };
    account.statuses.forEach((status, user) => {
      if (status === PENDING_DELETION) return;
      if (!(userObject(account, user, this.anchor) as { is_enrolled: boolean }).is_enrolled) out.never_enrolled++;
      else if ((tally.lastSuccess[user] ?? 0) >= cutoff) return;
      else if ((tally.lastDenial[user] ?? 0) >= cutoff) out.denied_only++;
      else out.inactive++;
    });
    return out;
  }

  private forAccount(account: Account, visibleUntil: number, now: number): TruthAccount {
    const tally = this.tally(account);
    const visible = this.count(account, tally, visibleUntil);
    const pending = account.statuses.reduce((n, s) => n + (s === PENDING_DELETION ? 1 : 0), 0);
    return {
      account_id: account.id,
      name: account.name,
      edition: account.edition,
      edition_exposed: account.editionExposed,
      users: account.statuses.length,
      billable_seats: account.statuses.length - pending,
      auth_events: visible,
      applications: account.apps.map((app, i) => ({
        key: app.key,
        name: app.name,
        users: tally.users[i] ?? 0,
        successful_users: tally.successUsers[i] ?? 0,
        events: tally.events[i] ?? 0,
      })),
      unused_seats: this.unusedSeats(account, tally, now),
    };
  }
}

// Counts a user for an app the first time they appear.
function markOnce(seen: Uint8Array | undefined, counts: Uint32Array, app: number, user: number): void {
  if (!seen || seen[user] !== 0) return;
  seen[user] = 1;
  counts[app] = (counts[app] ?? 0) + 1;
}
