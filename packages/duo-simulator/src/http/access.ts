import type { Account, Integration, World } from '../data/model';
import type { Route } from '../endpoints/route';
import type { Params } from '../signing/canon';
import { badParam, DuoError } from '../errors';

function accountIdParam(params: Params): string | undefined {
  const values = params.get('account_id');
  if (values === undefined) return undefined;
  if (values.length !== 1 || values[0] === undefined) throw badParam("'account_id' must be given once");
  return values[0];
}

/** Accounts API key acting on a child: the child named by account_id (required). */
function childAccount(world: World, params: Params): Account {
  const id = accountIdParam(params);
  // UNCONFIRMED: Duo's answer for a missing account_id on a parent key; 403 as for any key without Admin API rights.
  if (id === undefined) throw new DuoError('forbidden');
  const account = world.byId.get(id);
  // UNCONFIRMED: error for an unknown (or deleted) child id; 40002 naming the parameter.
  if (!account || world.hidden.has(id)) throw badParam('account_id');
  return account;
}

/**
 * Which account a call acts on, enforcing integration type and permission (403/40301 like Duo for a missing grant
 * or a key of the wrong integration type). The parent's Accounts API key holds every read grant on its children.
 */
export function authorize(world: World, integration: Integration, route: Route, params: Params): Account | undefined {
  if (route.surface === 'accounts') {
    if (integration.type !== 'accounts') throw new DuoError('forbidden');
    return undefined;
  }
  if (integration.type === 'accounts') return childAccount(world, params);
  // Billing is a parent-on-child call only; direct Admin API keys are refused (UNCONFIRMED, see README).
  if (integration.type !== 'admin' || route.surface === 'child') throw new DuoError('forbidden');
  const own = world.accounts[integration.accountIndex ?? -1];
  if (!own) throw new DuoError('forbidden');
  const requested = accountIdParam(params);
  // UNCONFIRMED: an Admin API key naming another account; refused rather than silently ignored.
  if (requested !== undefined && requested !== own.id) throw new DuoError('forbidden');
  if (route.permission !== null && !integration.permissions.has(route.permission)) throw new DuoError('forbidden');
  return own;
}
