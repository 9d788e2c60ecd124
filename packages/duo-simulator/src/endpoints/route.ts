import type { Account, World } from '../data/model';
import type { RateClass } from '../options';
import type { Permission } from '../options';
import type { Params } from '../signing/canon';

export interface Ctx {
  world: World;
  /** The account the call acts on (own account for Admin API keys, `account_id` for Accounts API keys). */
  account: Account | undefined;
  params: Params;
  /** The path segment captured by the route pattern (e.g. a user_id). */
  pathArg: string | undefined;
  now: number;
  /** Newest visible event time: now − the availability lag. */
  visibleUntil: number;
  /** options.cursorOnLastLogPage */
  cursorOnLastLogPage: boolean;
  anchor: number;
  apiHostname: string;
}

/**
 * Where a route lives: `admin` needs an Admin API key (or the parent's Accounts API key + account_id), `child`
 * only the latter (billing), `accounts` only the parent's Accounts API key.
 */
export type Surface = 'admin' | 'child' | 'accounts';

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  surface: Surface;
  permission: Permission | null;
  rateClass: RateClass;
  /** Returns the complete Duo success body (metadata placement differs per endpoint). */
  handler: (ctx: Ctx) => unknown;
}

export function ok(response: unknown, metadata?: Record<string, unknown>): Record<string, unknown> {
  return metadata === undefined ? { stat: 'OK', response } : { stat: 'OK', response, metadata };
}
