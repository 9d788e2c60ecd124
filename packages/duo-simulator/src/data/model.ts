import type { Permission } from '../options';
import type { EDITIONS } from './catalog';
import type { Timeline } from './timeline';

// The simulated Duo's shapes, apart from the code that builds them (world.ts) and reads them (users.ts).
export type IntegrationType = 'admin' | 'accounts' | 'auth';

export interface Integration {
  ikey: string;
  skey: string;
  type: IntegrationType;
  /** The account an admin/auth integration belongs to; undefined for the parent's Accounts API integration. */
  accountIndex: number | undefined;
  permissions: ReadonlySet<Permission>;
}

export interface App {
  key: string;
  name: string;
}

export interface Account {
  index: number;
  id: string;
  name: string;
  edition: (typeof EDITIONS)[number];
  /** Whether Duo's billing API tells the edition (billing/edition answers 403 otherwise). */
  editionExposed: boolean;
  domain: string;
  salt: number;
  apps: App[];
  groups: { id: string; name: string }[];
  /** Status code per user (see users.ts STATUSES); the only per-user state kept in memory. */
  statuses: Uint8Array;
  auth: Timeline;
  activity: Timeline;
  admin: Integration;
}

export interface World {
  accounts: Account[];
  // Child accounts taken out of Duo at run time (a test's "deleted child"): not listed, not reachable.
  hidden: Set<string>;
  byId: Map<string, Account>;
  integrations: Map<string, Integration>;
  parent: Integration;
  extras: Integration[];
}
