import { userIndexOf, userNames, userObject } from '../data/users';
import type { Account } from '../data/model';
import { DuoError } from '../errors';
import { intParam, limitParam, single } from './params';
import { ok, type Ctx, type Route } from './route';

function must(ctx: Ctx): Account {
  if (!ctx.account) throw new Error('user endpoints are routed only with an account');
  return ctx.account;
}

/** Offset paging: limit default 100, clamped at 300; metadata at the top level, next_offset absent on the last page. */
function listUsers(ctx: Ctx): unknown {
  const account = must(ctx);
  const username = single(ctx.params, 'username');
  if (username !== undefined) {
    const index = account.statuses.findIndex((_, i) => userNames(account, i).username === username.toLowerCase());
    return ok(index < 0 ? [] : [userObject(account, index, ctx.anchor)]);
  }
  const limit = limitParam(ctx.params, 100, 300);
  const offset = intParam(ctx.params, 'offset', 0);
  const total = account.statuses.length;
  const users = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) users.push(userObject(account, i, ctx.anchor));
  const metadata: Record<string, number> = { prev_offset: Math.max(0, offset - limit), total_objects: total };
  if (offset + limit < total) metadata['next_offset'] = offset + limit;
  return ok(users, metadata);
}

function getUser(ctx: Ctx): unknown {
  const account = must(ctx);
  const index = userIndexOf(account, ctx.pathArg ?? '');
  if (index === undefined) throw new DuoError('notFound', 'user_id');
  return ok(userObject(account, index, ctx.anchor));
}

export const USER_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/v1\/users$/,
    surface: 'admin',
    permission: 'read_resource',
    rateClass: 'page',
    handler: listUsers,
  },
  {
    method: 'GET',
    pattern: /^\/admin\/v1\/users\/([^/]+)$/,
    surface: 'admin',
    permission: 'read_resource',
    rateClass: 'single',
    handler: getUser,
  },
];
