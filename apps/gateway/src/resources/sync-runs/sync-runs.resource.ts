import { accountId } from '@seatwise/shared/contracts/common';
import {
  SYNC_RUN_KINDS,
  SYNC_RUN_STATES,
  accountHistoryEntrySchema,
  reconcileId,
  syncRunViewSchema,
} from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { listQuery } from '../../routing/query-params';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { Resource } from '../resource';

const base = '/api/v1/sync-runs';
const runs = new Resource('Sync runs', ReconcileClient);

export const SyncRunsController = runs.controller('SyncRunsController', {
  list: runs.list(
    {
      path: base,
      summary: 'PSA sync runs, newest first',
      query: listQuery({ connectionId: reconcileId.optional(), state: z.enum(SYNC_RUN_STATES).optional() }),
      list: syncRunViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.sync-runs.list', request),
  ),
  get: runs.get(
    {
      path: `${base}/:id`,
      summary: 'One PSA sync run',
      params: z.object({ id: reconcileId }).strict(),
      response: syncRunViewSchema,
    },
    ({ params }, reconcile) => reconcile.call('reconcile.sync-runs.get', params),
  ),
  start: runs.command(
    {
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
    (request, reconcile) => reconcile.call('reconcile.sync-runs.start', { ...request, kind: request.kind ?? 'quick' }),
  ),
  history: runs.list(
    {
      path: '/api/v1/accounts/:id/history',
      tag: 'Accounts',
      summary: "Changes of a Duo account's billable seats and edition, newest first",
      params: z.object({ id: accountId }).strict(),
      query: listQuery({}),
      list: accountHistoryEntrySchema,
    },
    (request, reconcile, params) => reconcile.call('reconcile.accounts.history', { ...request, accountId: params.id }),
  ),
});
