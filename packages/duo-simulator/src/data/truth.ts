import { eventCore } from './events';
import { PENDING_DELETION } from './users';
import type { Account, World } from './model';

export interface TruthApp {
  key: string;
  name: string;
  users: number;
  events: number;
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
}

interface Tally {
  counted: number;
  events: Uint32Array;
  seen: Uint8Array[];
  users: Uint32Array;
}

/**
 * Ground truth outside Duo's surface. Counting visits every visible event once: the tally only grows (events
 * become visible as time passes in live mode), so repeated calls cost only the new events.
 */
export class Truth {
  private readonly tallies = new Map<Account, Tally>();

  constructor(private readonly world: World) {}

  snapshot(visibleUntil: number): { accounts: TruthAccount[] } {
    const present = this.world.accounts.filter((account) => !this.world.hidden.has(account.id));
    return { accounts: present.map((account) => this.forAccount(account, visibleUntil)) };
  }

  private tally(account: Account): Tally {
    let tally = this.tallies.get(account);
    if (!tally) {
      const apps = account.apps.length;
      tally = {
        counted: 0,
        events: new Uint32Array(apps),
        users: new Uint32Array(apps),
        seen: account.apps.map(() => new Uint8Array(account.statuses.length)),
      };
      this.tallies.set(account, tally);
    }
    return tally;
  }

  private forAccount(account: Account, visibleUntil: number): TruthAccount {
    const tally = this.tally(account);
    const visible = account.auth.countAtOrBefore(visibleUntil);
    for (let i = tally.counted; i < visible; i++) {
      const { user, app } = eventCore(account, i);
      tally.events[app] = (tally.events[app] ?? 0) + 1;
      const seen = tally.seen[app];
      if (seen && seen[user] === 0) {
        seen[user] = 1;
        tally.users[app] = (tally.users[app] ?? 0) + 1;
      }
    }
    tally.counted = Math.max(tally.counted, visible);
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
        events: tally.events[i] ?? 0,
      })),
    };
  }
}
