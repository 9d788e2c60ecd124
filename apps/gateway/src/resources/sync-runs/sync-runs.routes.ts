import { accountId } from '@seatwise/shared/contracts/common';
import { SYNC_RUN_KINDS, SYNC_RUN_STATES, accountHistoryEntrySchema, reconcileId, syncRunViewSchema } from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { listQuery, noQuery } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Sync runs';
const base = '/api/v1/sync-runs';

export const syncRunRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'PSA sync runs, newest first',
    query: listQuery({ connectionId: reconcileId.optional(), state: z.enum(SYNC_RUN_STATES).optional() }),
    response: pageOf(syncRunViewSchema),
    csvItem: syncRunViewSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, summary: 'One PSA sync run', params: z.object({ id: reconcileId }).strict(), query: noQuery, response: syncRunViewSchema }),
  start: defineRoute({
    method: 'POST',
    path: base,
    tag,
    summary: 'Sync a ConnectWise connection now (a run already queued or running is returned instead)',
    body: z.object({ connectionId: reconcileId, kind: z.enum(SYNC_RUN_KINDS).optional().describe('quick (default): changes since the last run; full: everything.') }).strict(),
    status: 202,
    response: syncRunViewSchema,
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/v1/accounts/:id/history',
    tag: 'Accounts',
    summary: 'Changes of a Duo account\'s billable seats and edition, newest first',
    params: z.object({ id: accountId }).strict(),
    query: listQuery({}),
    response: pageOf(accountHistoryEntrySchema),
    csvItem: accountHistoryEntrySchema,
  }),
};
