import { accountId, isoDateTime } from '@seatwise/shared/contracts/common';
import { RECONCILIATION_STATES, RECONCILIATION_TYPES } from '@seatwise/shared/contracts/reconcile-events';
import { auditEntryViewSchema, reconcileId, reconciliationRowViewSchema } from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { listQuery, noQuery } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Reconciliation';
const base = '/api/v1/reconciliation';
const rowsReply = z.object({ items: z.array(reconciliationRowViewSchema) });
const ids = z.array(reconcileId).min(1).max(500);
const note = z.string().trim().max(2_000).optional();
const decision = z.object({ ids, note }).strict();


export const reconciliationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'Reconciliation rows: Duo seats against PSA quantities per mapped account and SKU',
    description: 'A 409 RECONCILE.NOT_READY until at least one account and one SKU are mapped.',
    query: listQuery({ type: z.enum(RECONCILIATION_TYPES).optional(), state: z.enum(RECONCILIATION_STATES).optional(), accountId: accountId.optional() }),
    response: pageOf(reconciliationRowViewSchema),
    csvItem: reconciliationRowViewSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, summary: 'One reconciliation row', params: z.object({ id: reconcileId }).strict(), query: noQuery, response: reconciliationRowViewSchema }),
  approve: defineRoute({
    method: 'POST',
    path: `${base}/approve`,
    tag,
    summary: 'Approve rows (all or none): each is pushed to the PSA and becomes applied or failed',
    body: z.object({ ids, note, effectiveDate: isoDateTime.optional() }).strict(),
    status: 200,
    response: rowsReply,
  }),
  dismiss: defineRoute({ method: 'POST', path: `${base}/dismiss`, tag, summary: 'Dismiss pending or failed rows (all or none)', body: decision, status: 200, response: rowsReply }),
  reset: defineRoute({ method: 'POST', path: `${base}/reset`, tag, summary: 'Return dismissed, failed or applied rows to pending (all or none)', body: decision, status: 200, response: rowsReply }),
  audit: defineRoute({
    method: 'GET',
    path: '/api/v1/audit',
    tag: 'Audit',
    summary: 'Audit log of every decision and push, newest first',
    query: listQuery({ accountId: accountId.optional(), action: z.string().max(100).regex(/^[a-z.-]+$/, 'must be an action name like row.approve').optional(), targetId: reconcileId.optional() }),
    response: pageOf(auditEntryViewSchema),
    csvItem: auditEntryViewSchema,
  }),
};
