import { activityIdOf, activityRecord } from '../data/activity';
import { authRecord, txidOf } from '../data/events';
import type { Account } from '../data/model';
import { logPage, type LogPage, type LogSource } from './log-pager';
import { parseLogQuery } from './log-window';
import { ok, type Ctx, type Route } from './route';

function must(ctx: Ctx): Account {
  if (!ctx.account) throw new Error('log endpoints are routed only with an account');
  return ctx.account;
}

function authSource(account: Account): LogSource {
  return { timeline: account.auth, idOf: (i) => txidOf(account, i), record: (i) => authRecord(account, i) };
}

function activitySource(account: Account): LogSource {
  return {
    timeline: account.activity,
    idOf: (i) => activityIdOf(account, i),
    record: (i) => activityRecord(account, i),
  };
}

/** The page's cursor as sent: none on an empty page, nor on the last one when the simulator is told so. */
function cursorOf(page: LogPage, ctx: Ctx): [number, string] | null {
  return page.reachedEnd && !ctx.cursorOnLastLogPage ? null : page.next;
}

/** Authentication logs v2: cursor is an array of two strings, metadata nested in `response`. */
function authLogs(ctx: Ctx): unknown {
  const page = logPage(authSource(must(ctx)), parseLogQuery(ctx.params, ctx.now), ctx.visibleUntil);
  const cursor = cursorOf(page, ctx);
  const next = cursor === null ? null : [String(cursor[0]), cursor[1]];
  return ok({ authlogs: page.records, metadata: { next_offset: next, total_objects: page.total } });
}

/** Activity logs v2: cursor is one "ts,id" string; total_objects is {relation, value} (python docstring). */
function activityLogs(ctx: Ctx): unknown {
  const page = logPage(activitySource(must(ctx)), parseLogQuery(ctx.params, ctx.now), ctx.visibleUntil);
  const cursor = cursorOf(page, ctx);
  const next = cursor === null ? null : `${cursor[0]},${cursor[1]}`;
  return ok({
    items: page.records,
    metadata: { next_offset: next, total_objects: { relation: 'eq', value: page.total } },
  });
}

export const LOG_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/v2\/logs\/authentication$/,
    surface: 'admin',
    permission: 'read_log',
    rateClass: 'logs',
    handler: authLogs,
  },
  {
    method: 'GET',
    pattern: /^\/admin\/v2\/logs\/activity$/,
    surface: 'admin',
    permission: 'read_log',
    rateClass: 'logs',
    handler: activityLogs,
  },
];
