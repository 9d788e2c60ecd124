import { PENDING_DELETION } from '../data/users';
import type { Account } from '../data/model';
import { DuoError } from '../errors';
import { ok, type Ctx, type Route } from './route';

function must(ctx: Ctx): Account {
  if (!ctx.account) throw new Error('account endpoints are routed only with an account');
  return ctx.account;
}

/**
 * UNCONFIRMED: whether user_count includes pending-deletion (Trash) users. The summary reports those separately,
 * so here user_count excludes them (it equals the truth's billable_seats).
 */
function summary(ctx: Ctx): unknown {
  const account = must(ctx);
  const pending = account.statuses.reduce((n, s) => n + (s === PENDING_DELETION ? 1 : 0), 0);
  return ok({
    admin_count: 1 + (account.salt % 5),
    integration_count: account.apps.length + 1,
    telephony_credits_remaining: 1000 + (account.salt % 4000),
    user_count: account.statuses.length - pending,
    user_pending_deletion_count: pending,
  });
}

/** UNCONFIRMED: how Duo answers for a child whose edition billing does not expose; 403 as for a refused grant. */
function edition(ctx: Ctx): unknown {
  const account = must(ctx);
  if (!account.editionExposed) throw new DuoError('forbidden');
  return ok({ edition: account.edition });
}

/** Child accounts as the Accounts API lists them; every api_hostname points at this simulator by default. */
function listAccounts(ctx: Ctx): unknown {
  const listed = ctx.world.accounts.filter((a) => !ctx.world.hidden.has(a.id));
  return ok(listed.map((a) => ({ account_id: a.id, api_hostname: ctx.apiHostname, name: a.name })));
}

export const ACCOUNT_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/v1\/info\/summary$/,
    surface: 'admin',
    permission: 'read_information',
    rateClass: 'single',
    handler: summary,
  },
  {
    method: 'GET',
    pattern: /^\/admin\/v1\/billing\/edition$/,
    surface: 'child',
    permission: null,
    rateClass: 'single',
    handler: edition,
  },
  // Duo's Postman collection lists this Accounts-API path (UNCONFIRMED); both are served.
  {
    method: 'GET',
    pattern: /^\/accounts\/v1\/billing\/edition$/,
    surface: 'child',
    permission: null,
    rateClass: 'single',
    handler: edition,
  },
  {
    method: 'POST',
    pattern: /^\/accounts\/v1\/account\/list$/,
    surface: 'accounts',
    permission: null,
    rateClass: 'listAll',
    handler: listAccounts,
  },
];
