import { accountId } from '@seatwise/shared/contracts/common';
import {
  SYNC_RUN_KINDS,
  SYNC_RUN_STATES,
  accountHistoryEntrySchema,
  reconcileId,
  syncRunViewSchema,
} from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { upstreamPager } from '../../lists/upstream-pager';
import { listQuery, noQuery } from '../../routing/query-params';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { Resource } from '../resource';

const base = '/api/v1/sync-runs';
const runs = new Resource('Sync runs', ReconcileClient);

export const SyncRunsController = runs.controller('SyncRunsController', {
  list: runs.route(
    {
      method: 'GET',
      path: base,
      summary: 'PSA sync runs, newest first',
      query: listQuery({ connectionId: reconcileId.optional(), state: z.enum(SYNC_RUN_STATES).optional() }),
      list: syncRunViewSchema,
    },
    ({ query }, reconcile) => upstreamPager(query, (request) => reconcile.call('reconcile.sync-runs.list', request)),
  ),
  get: runs.route(
    {
      method: 'GET',
      path: `${base}/:id`,
      summary: 'One PSA sync run',
      params: z.object({ id: reconcileId }).strict(),
      query: noQuery,
      response: syncRunViewSchema,
    },
    ({ params }, reconcile) => reconcile.call('reconcile.sync-runs.get', params),
  ),
  start: runs.route(
    {
      method: 'POST',
      path: base,
      summary: 'Sync a ConnectWise connection now (a run already queued or running is returned instead)',
      body: z
        .object({
          connectionId: reconcileId,
          kind: z
            .enum(SYNC_RUN_KINDS)
            .optional()
            .describe('quick (default): changes since the last run; full: everything.'),
        })
        .strict(),
      status: 202,
      response: syncRunViewSchema,
    },
    ({ body, actor }, reconcile) =>
      reconcile.call('reconcile.sync-runs.start', { ...body, kind: body.kind ?? 'quick', actor }),
  ),
  history: runs.route(
    {
      method: 'GET',
      path: '/api/v1/accounts/:id/history',
      tag: 'Accounts',
      summary: "Changes of a Duo account's billable seats and edition, newest first",
      params: z.object({ id: accountId }).strict(),
      query: listQuery({}),
      list: accountHistoryEntrySchema,
    },
    ({ params, query }, reconcile) =>
      upstreamPager(query, (request) =>
        reconcile.call('reconcile.accounts.history', { ...request, accountId: params.id }),
      ),
  ),
});
