import { z } from 'zod';
import { accountId, codedErrorSchema, connectionHistoryFields, isoDateTime } from './common';
import { DUO_EDITIONS } from './duo-events';
import { RECONCILIATION_STATES, RECONCILIATION_TYPES } from './reconcile-events';

// What apps/reconcile answers over request-reply (views); requests are in reconcile-rpcs.ts.

// Vendor SKUs by Duo edition code: ENTERPRISE = Essentials, PLATFORM = Advantage, BEYOND = Premier, PERSONAL = Free.
export const DUO_SKUS = ['Essentials', 'Advantage', 'Premier', 'Free'] as const;
export type DuoSku = (typeof DUO_SKUS)[number];
export const SKU_OF_EDITION: Record<(typeof DUO_EDITIONS)[number], DuoSku> = {
  ENTERPRISE: 'Essentials',
  PLATFORM: 'Advantage',
  BEYOND: 'Premier',
  PERSONAL: 'Free',
};
// Rows of an account whose edition Duo does not expose carry this SKU (always type `unmapped`).
export const UNKNOWN_SKU = 'Unknown';

export const PSA_KINDS = ['connectwise', 'autotask', 'halopsa', 'import'] as const;
export const AGREEMENT_ISSUES = ['no_active_agreement', 'ambiguous'] as const;
export const PSA_CONNECTION_STATES = ['connected', 'error'] as const;
export const MAPPING_STATES = ['mapped', 'unmapped', 'excluded'] as const;
export const SYNC_RUN_KINDS = ['quick', 'full'] as const;
export const SYNC_RUN_STATES = ['pending', 'in_progress', 'complete', 'failed'] as const;

// Our ids: letters, digits, _ and -, so they are safe in URLs and subjects.
export const reconcileId = z.string().regex(/^[A-Za-z0-9_-]{1,160}$/, 'must be an id of letters, digits, _ or -');

// Never carries the private key.
export const psaConnectionViewSchema = z.object({
  id: reconcileId,
  name: z.string(),
  kind: z.enum(PSA_KINDS),
  // ConnectWise only (null for the other kinds).
  siteUrl: z.string().nullable(),
  companyId: z.string().nullable(),
  publicKey: z.string().nullable(),
  clientId: z.string().nullable(),
  // The connection's other non-secret settings (Autotask: zoneDiscoveryUrl, userName, integrationCode; HaloPSA:
  // resourceUrl, authUrl, tenant, clientId).
  settings: z.record(z.string(), z.string()),
  // The PSA's request budget where it publishes one (Autotask), as last seen.
  usage: z
    .object({
      requestsThisHour: z.number().int().nonnegative(),
      hourlyLimit: z.number().int().positive().nullable(),
      inFlight: z.number().int().nonnegative(),
      maxInFlight: z.number().int().positive(),
    })
    .nullable(),
  status: z.enum(PSA_CONNECTION_STATES),
  ...connectionHistoryFields,
});
export type PsaConnectionView = z.infer<typeof psaConnectionViewSchema>;

export const psaCompanyViewSchema = z.object({
  id: reconcileId,
  connectionId: reconcileId,
  // The PSA's own id (ConnectWise company id, or the import's id).
  externalId: z.string(),
  identifier: z.string().nullable(),
  name: z.string(),
  // The Duo account mapped to this company, if any.
  mappedAccountId: accountId.nullable(),
});
export type PsaCompanyView = z.infer<typeof psaCompanyViewSchema>;

export const psaProductViewSchema = z.object({
  id: reconcileId,
  connectionId: reconcileId,
  externalId: z.string(),
  identifier: z.string().nullable(),
  name: z.string(),
  // The catalog price per unit per month, when the PSA has one.
  unitPrice: z.number().nullable(),
  mappedSku: z.enum(DUO_SKUS).nullable(),
});
export type PsaProductView = z.infer<typeof psaProductViewSchema>;

export const mappingSuggestionSchema = z.object({
  psaCompanyId: reconcileId,
  name: z.string(),
  // Name similarity in [0, 1] (1 = same name once case, punctuation and legal suffixes are ignored).
  score: z.number().min(0).max(1),
});

export const accountMappingViewSchema = z.object({
  accountId,
  accountName: z.string(),
  edition: z.enum(DUO_EDITIONS).nullable(),
  sku: z.enum(DUO_SKUS).nullable(),
  billableSeats: z.number().int().nonnegative(),
  state: z.enum(MAPPING_STATES),
  psaCompanyId: reconcileId.nullable(),
  psaCompanyName: z.string().nullable(),
  // auto: exact name match; manual: a person's decision; null while never mapped.
  source: z.enum(['auto', 'manual']).nullable(),
  // The mapped company's agreement a person chose for new lines (null: the default rule decides).
  agreementId: reconcileId.nullable(),
  // Ranked, best first; only for unmapped accounts (empty otherwise).
  suggestions: z.array(mappingSuggestionSchema),
  revision: z.number().int().nonnegative(),
  updatedAt: isoDateTime,
});
export type AccountMappingView = z.infer<typeof accountMappingViewSchema>;

// An active agreement of a mapped account's company, as a home for new lines.
export const agreementOptionSchema = z.object({
  id: reconcileId,
  externalId: z.string(),
  name: z.string(),
  currency: z.string().nullable(),
  // Whether it bills anything now (the default rule prefers the one that does).
  billing: z.boolean(),
  chosen: z.boolean(),
});

export const serviceMappingViewSchema = z.object({
  sku: z.enum(DUO_SKUS),
  editions: z.array(z.enum(DUO_EDITIONS)),
  state: z.enum(MAPPING_STATES),
  productId: reconcileId.nullable(),
  productName: z.string().nullable(),
  connectionId: reconcileId.nullable(),
  revision: z.number().int().nonnegative(),
  updatedAt: isoDateTime.nullable(),
});
export type ServiceMappingView = z.infer<typeof serviceMappingViewSchema>;

export const reconciliationRowViewSchema = z.object({
  id: reconcileId,
  accountId,
  accountName: z.string(),
  psaCompanyId: reconcileId.nullable(),
  sku: z.string().min(1),
  productId: reconcileId.nullable(),
  vendorQuantity: z.number().int().nonnegative(),
  psaQuantity: z.number().int().nonnegative(),
  delta: z.number().int(),
  type: z.enum(RECONCILIATION_TYPES),
  state: z.enum(RECONCILIATION_STATES),
  effectiveDate: isoDateTime.nullable(),
  note: z.string().nullable(),
  lastError: codedErrorSchema.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  appliedAt: isoDateTime.nullable(),
  revision: z.number().int().positive(),
  updatedAt: isoDateTime,
  // Names of the PSA records, as last synced (null without a record, or once it is gone from the PSA). Last, so
  // CSV exports keep their earlier column order.
  psaCompanyName: z.string().nullable(),
  productName: z.string().nullable(),
  // Where a push goes: the agreement of the line it changes, or the one a new line is added to (new revenue). Null
  // with agreementIssue when the company has no active agreement, or more than one candidate (choose one in the
  // account mapping).
  agreementId: reconcileId.nullable(),
  agreementName: z.string().nullable(),
  agreementIssue: z.enum(AGREEMENT_ISSUES).nullable(),
  // Price per unit per month (the PSA line's own, else the product's), and delta × price: the money per month the
  // row is about (positive: billed too little). In `currency` (ISO 4217), when the PSA says.
  unitPrice: z.number().nullable(),
  currency: z.string().nullable(),
  monthlyImpact: z.number().nullable(),
  // Until when the row is muted (left out of lists asked for muted=false); null when not muted.
  mutedUntil: isoDateTime.nullable(),
  // What was approved, exactly as the push sends it (null unless approved or applied).
  approved: z
    .object({
      quantity: z.number().int().nonnegative(),
      psaCompanyId: reconcileId,
      productId: reconcileId,
      agreementId: reconcileId.nullable(),
      effectiveDate: isoDateTime.nullable(),
    })
    .nullable(),
  // The account's Duo seats beside what is actually used, as discovery last reported it (null until it has):
  // users with a successful authentication in the last 30 days, and seats that could be reclaimed.
  usage: z
    .object({
      billableUsers: z.number().int().nonnegative(),
      activeUsers30d: z.number().int().nonnegative(),
      reclaimable: z.number().int().nonnegative(),
      unusedAfterDays: z.number().int().positive(),
      at: isoDateTime,
    })
    .nullable(),
});
export type ReconciliationRowView = z.infer<typeof reconciliationRowViewSchema>;
export type RowUsageView = NonNullable<ReconciliationRowView['usage']>;

export const EFFECTIVE_DATE_DEFAULTS = ['today', 'first_of_next_month'] as const;
export const reconcileSettingsSchema = z.object({
  // The effective date of an approval that names none: today (the PSA's own default) or the 1st of next month (UTC).
  defaultEffectiveDate: z.enum(EFFECTIVE_DATE_DEFAULTS),
});
export type ReconcileSettings = z.infer<typeof reconcileSettingsSchema>;

// Columns the reconciliation list sorts by, "-" for descending (ties by row id); type and state sort by their
// names. PSA names are not stored on rows, so they are not sortable (an account's company mostly carries the
// account's name: sort by accountName).
export const RECONCILIATION_SORTS = [
  'accountName',
  '-accountName',
  'sku',
  '-sku',
  'vendorQuantity',
  '-vendorQuantity',
  'psaQuantity',
  '-psaQuantity',
  'delta',
  '-delta',
  'type',
  '-type',
  'state',
  '-state',
  'updatedAt',
  '-updatedAt',
  'monthlyImpact',
  '-monthlyImpact',
] as const;
export type ReconciliationSort = (typeof RECONCILIATION_SORTS)[number];

const count = z.number().int().nonnegative();
// One count per key, every key present (0 when no row has it).
function countsBy<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((key) => [key, count])) as Record<K, typeof count>);
}

export const reconciliationSummarySchema = z.object({
  rows: count,
  byType: countsBy(RECONCILIATION_TYPES),
  byState: countsBy(RECONCILIATION_STATES),
  // Rows waiting for a decision, by type.
  pendingByType: countsBy(RECONCILIATION_TYPES),
  // Rows whose account and SKU are both mapped (every type but unmapped), with their Duo seats and PSA quantity.
  mapped: z.object({ rows: count, vendorQuantity: count, psaQuantity: count }),
  // Whether reconciliation has started (one account and one SKU mapped): the list answers RECONCILE.NOT_READY
  // until then, and this says so without an error.
  readiness: z.object({ ready: z.boolean(), accountsMapped: count, servicesMapped: count }),
  // Money per month by type (sum of monthlyImpact of rows that have a price), in the PSA's currency (null when no
  // row says; mixed currencies are not summed: the first currency's rows only, and `mixedCurrencies` is true).
  money: z.object({
    currency: z.string().nullable(),
    mixedCurrencies: z.boolean(),
    byType: z.object(
      Object.fromEntries(RECONCILIATION_TYPES.map((t) => [t, z.number()])) as Record<
        (typeof RECONCILIATION_TYPES)[number],
        z.ZodNumber
      >,
    ),
    pendingByType: z.object(
      Object.fromEntries(RECONCILIATION_TYPES.map((t) => [t, z.number()])) as Record<
        (typeof RECONCILIATION_TYPES)[number],
        z.ZodNumber
      >,
    ),
  }),
});
export type ReconciliationSummary = z.infer<typeof reconciliationSummarySchema>;

export const syncRunCountsSchema = z.object({
  companies: z.number().int().nonnegative(),
  products: z.number().int().nonnegative(),
  agreements: z.number().int().nonnegative(),
  additions: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
});

export const syncRunViewSchema = z.object({
  id: reconcileId,
  connectionId: reconcileId,
  kind: z.enum(SYNC_RUN_KINDS),
  state: z.enum(SYNC_RUN_STATES),
  trigger: z.enum(['schedule', 'manual', 'connection']),
  requestedBy: z.string(),
  requestedAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  error: codedErrorSchema.nullable(),
  counts: syncRunCountsSchema,
  revision: z.number().int().positive(),
});
export type SyncRunView = z.infer<typeof syncRunViewSchema>;

export const auditEntryViewSchema = z.object({
  id: reconcileId,
  at: isoDateTime,
  actor: z.string(),
  // e.g. row.approve, row.applied, row.failed, mapping.account.map, connection.create, sync.start, integration.update
  action: z.string(),
  targetKind: z.enum([
    'row',
    'account-mapping',
    'service-mapping',
    'connection',
    'sync-run',
    'settings',
    'integration',
  ]),
  targetId: z.string(),
  accountId: accountId.nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const accountHistoryEntrySchema = z.object({
  accountId,
  observedAt: isoDateTime,
  edition: z.enum(DUO_EDITIONS).nullable(),
  billableSeats: z.number().int().nonnegative(),
  previousEdition: z.enum(DUO_EDITIONS).nullable(),
  previousBillableSeats: z.number().int().nonnegative().nullable(),
});
export type AccountHistoryEntry = z.infer<typeof accountHistoryEntrySchema>;
