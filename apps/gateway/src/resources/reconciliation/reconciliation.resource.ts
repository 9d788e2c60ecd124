import { accountId, isoDateTime } from '@seatwise/shared/contracts/common';
import { RECONCILIATION_STATES, RECONCILIATION_TYPES } from '@seatwise/shared/contracts/reconcile-events';
import {
  auditEntryViewSchema,
  DUO_SKUS,
  RECONCILIATION_SORTS,
  reconcileId,
  reconciliationRowViewSchema,
  reconciliationSummarySchema,
  reconcileSettingsSchema,
} from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { withoutAbsent } from '../../lists/upstream-pager';
import { booleanParam, listQuery } from '../../routing/query-params';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { Resource } from '../resource';

const base = '/api/v1/reconciliation';
const ids = z.array(reconcileId).min(1).max(500);
const note = z.string().trim().max(2_000).optional();
const decisionBody = z.object({ ids, note }).strict();
// Decisions on rows are all or none, and answer the rows they changed.
const decision = { status: 200, response: z.object({ items: z.array(reconciliationRowViewSchema) }) } as const;
const rows = new Resource('Reconciliation', ReconcileClient);

export const ReconciliationController = rows.controller('ReconciliationController', {
  list: rows.list(
    {
      path: base,
      summary: 'Reconciliation rows: Duo seats against PSA quantities per mapped account and SKU',
      description: 'A 409 RECONCILE.NOT_READY until at least one account and one SKU are mapped.',
      query: listQuery({
        type: z.enum(RECONCILIATION_TYPES).optional(),
        state: z.enum(RECONCILIATION_STATES).optional(),
        accountId: accountId.optional(),
        sku: z.enum(DUO_SKUS).optional(),
        psaCompanyId: reconcileId.optional(),
        minDelta: z.coerce
          .number()
          .int()
          .min(1)
          .max(1_000_000)
          .optional()
          .describe('Only rows whose delta is at least this many seats either way.'),
        muted: booleanParam.describe('true: only rows muted now; false: only rows not muted now.'),
        sort: z
          .enum(RECONCILIATION_SORTS)
          .optional()
          .describe('Column to sort by; - for descending, ties by id (default: by id).'),
      }),
      list: reconciliationRowViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.reconciliation.list', request),
  ),
  // Before `get`, so that /summary is not taken for a row id.
  summary: rows.get(
    {
      path: `${base}/summary`,
      summary: 'Rows by type and state, pending rows by type, and the Duo seats and PSA quantity of mapped rows',
      description: 'Every account unless accountId names one; zeros before anything is mapped.',
      query: z.object({ accountId: accountId.optional() }).strict(),
      response: reconciliationSummarySchema,
    },
    ({ query }, reconcile) => reconcile.call('reconcile.reconciliation.summary', withoutAbsent(query)),
  ),
  settings: rows.get(
    {
      path: `${base}/settings`,
      summary: 'Reconciliation settings (the default effective date of approvals)',
      response: reconcileSettingsSchema,
    },
    (_request, reconcile) => reconcile.call('reconcile.settings.get', {}),
  ),
  updateSettings: rows.command(
    {
      method: 'PATCH',
      path: `${base}/settings`,
      summary: 'Change reconciliation settings',
      status: 200,
      body: reconcileSettingsSchema.partial().strict(),
      response: reconcileSettingsSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.settings.update', request),
  ),
  mute: rows.command(
    {
      ...decision,
      path: `${base}/mute`,
      summary: 'Mute rows for some days (0 unmutes): left out of lists asked for muted=false',
      body: z.object({ ids, days: z.number().int().min(0).max(365), note }).strict(),
    },
    (request, reconcile) => reconcile.call('reconcile.reconciliation.mute', request),
  ),
  get: rows.get(
    {
      path: `${base}/:id`,
      summary: 'One reconciliation row',
      params: z.object({ id: reconcileId }).strict(),
      response: reconciliationRowViewSchema,
    },
    ({ params }, reconcile) => reconcile.call('reconcile.reconciliation.get', params),
  ),
  approve: rows.command(
    {
      ...decision,
      path: `${base}/approve`,
      summary: 'Approve rows (all or none): each is pushed to the PSA and becomes applied or failed',
      body: z.object({ ids, note, effectiveDate: isoDateTime.optional() }).strict(),
    },
    (request, reconcile) => reconcile.call('reconcile.reconciliation.approve', request),
  ),
  dismiss: rows.command(
    {
      ...decision,
      path: `${base}/dismiss`,
      summary: 'Dismiss pending or failed rows (all or none)',
      body: decisionBody,
    },
    (request, reconcile) => reconcile.call('reconcile.reconciliation.dismiss', request),
  ),
  reset: rows.command(
    {
      ...decision,
      path: `${base}/reset`,
      summary: 'Return dismissed, failed or applied rows to pending (all or none)',
      body: decisionBody,
    },
    (request, reconcile) => reconcile.call('reconcile.reconciliation.reset', request),
  ),
  note: rows.command(
    {
      path: `${base}/:id/note`,
      summary: "Set a row's note (empty clears it) without deciding anything",
      params: z.object({ id: reconcileId }).strict(),
      status: 200,
      body: z.object({ note: z.string().trim().max(2_000) }).strict(),
      response: reconciliationRowViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.reconciliation.note', request),
  ),
  audit: rows.list(
    {
      path: '/api/v1/audit',
      tag: 'Audit',
      summary: 'Audit log of every decision and push, newest first',
      query: listQuery({
        accountId: accountId.optional(),
        action: z
          .string()
          .max(100)
          .regex(/^[a-z.-]+$/, 'must be an action name like row.approve')
          .optional(),
        targetId: reconcileId.optional(),
      }),
      list: auditEntryViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.audit.list', request),
  ),
});
