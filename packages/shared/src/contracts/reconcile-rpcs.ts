import { z } from 'zod';
import { accountId, currency, isoDateTime } from './common';
import { RECONCILIATION_STATES, RECONCILIATION_TYPES } from './reconcile-events';
import {
  accountHistoryEntrySchema,
  accountMappingViewSchema,
  agreementOptionSchema,
  auditEntryViewSchema,
  DUO_SKUS,
  MAPPING_STATES,
  psaCompanyViewSchema,
  psaConnectionViewSchema,
  psaProductViewSchema,
  RECONCILIATION_SORTS,
  reconcileId,
  reconciliationRowViewSchema,
  reconciliationSummarySchema,
  reconcileSettingsSchema,
  serviceMappingViewSchema,
  SYNC_RUN_KINDS,
  SYNC_RUN_STATES,
  syncRunViewSchema,
} from './reconcile-views';
import { defineRpc, healthRpc } from './rpc-definition';
import { secretsRotateRpc } from './secrets-rotation';
import {
  ticketBoardsRequestSchema,
  ticketBoardsResponseSchema,
  ticketCreateRequestSchema,
  ticketCreateResponseSchema,
} from './reconcile-tickets';
import { pageOf } from './page';

// Lists: `limit` (default 50, max 200) and the opaque `cursor` of the previous page's `nextCursor`.
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(512).optional(),
};
// Every change names who made it; the note is kept in the audit log.
const actor = z.string().trim().min(1).max(200);
const change = { actor, note: z.string().trim().max(2_000).optional() };
const idRequest = z.object({ id: reconcileId }).strict();

// A ConnectWise site (api-na.myconnectwise.net) or a base URL with scheme and port (a simulator, on-prem).
const siteUrl = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((v) => /^[a-z0-9.-]+(:\d{1,5})?$/i.test(v) || /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?\/?$/i.test(v), {
    message: 'must be a host name (api-na.myconnectwise.net) or a base URL like https://host:port',
  });
// An HTTP(S) base URL, optionally with a path (a HaloPSA instance, Autotask's zone discovery host).
const baseUrl = z
  .string()
  .trim()
  .max(255)
  .regex(
    /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/i,
    'must be a base URL like https://host[:port][/path]',
  );
const noSeparators = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^:+\s]+$/, 'no spaces, ":" or "+"');
const secretText = z.string().min(1).max(500);
const label = z.string().trim().min(1).max(200);

// Each PSA's credentials; secrets (privateKey, secret, clientSecret) are write-only.
export const PSA_CREDENTIAL_FIELDS = {
  connectwise: { siteUrl, companyId: noSeparators, publicKey: noSeparators, privateKey: secretText, clientId: label },
  autotask: {
    // Where the zone of the API user is looked up (Autotask's is https://webservices.autotask.net).
    zoneDiscoveryUrl: baseUrl.default('https://webservices.autotask.net'),
    userName: label,
    secret: secretText,
    integrationCode: label,
  },
  halopsa: {
    // The instance's resource server (https://x.halopsa.com/api) and authorisation server (default: the same
    // instance's /auth).
    resourceUrl: baseUrl,
    authUrl: baseUrl.optional(),
    tenant: label.optional(),
    clientId: label,
    clientSecret: secretText,
  },
} as const;
export const PSA_SECRET_FIELDS = ['privateKey', 'secret', 'clientSecret'] as const;

const connectionName = z.string().trim().min(1).max(120);
const connectionOf = <K extends keyof typeof PSA_CREDENTIAL_FIELDS>(kind: K) =>
  z.object({ name: connectionName, kind: z.literal(kind), ...PSA_CREDENTIAL_FIELDS[kind], ...change }).strict();

export const psaConnectionInputSchema = z.discriminatedUnion('kind', [
  connectionOf('connectwise'),
  connectionOf('autotask'),
  connectionOf('halopsa'),
]);
// What a client sends (the gateway adds the actor).
export const psaConnectionBodySchema = z.discriminatedUnion('kind', [
  connectionOf('connectwise').omit({ actor: true }),
  connectionOf('autotask').omit({ actor: true }),
  connectionOf('halopsa').omit({ actor: true }),
]);
export type PsaConnectionBody = z.infer<typeof psaConnectionBodySchema>;
// A change: any field of the connection's own kind (reconcile refuses fields of another kind).
export const psaConnectionChangeSchema = z
  .object({
    name: connectionName,
    ...PSA_CREDENTIAL_FIELDS.connectwise,
    ...PSA_CREDENTIAL_FIELDS.autotask,
    zoneDiscoveryUrl: baseUrl,
    ...PSA_CREDENTIAL_FIELDS.halopsa,
  })
  .partial()
  .extend({ note: change.note })
  .strict();
export type PsaConnectionInput = z.infer<typeof psaConnectionInputSchema>;

const importId = z.string().trim().min(1).max(100);
// A price per unit per month, in the PSA's currency.
const money = z.number().nonnegative().max(1_000_000);
export const psaImportSchema = z
  .object({
    // Replaces the data of this import connection; without it a new import connection is created.
    connectionId: reconcileId.optional(),
    name: z.string().trim().min(1).max(120),
    companies: z
      .array(
        z
          .object({ id: importId, name: z.string().trim().min(1).max(200), identifier: z.string().max(100).optional() })
          .strict(),
      )
      .max(20_000),
    products: z
      .array(
        z
          .object({
            id: importId,
            name: z.string().trim().min(1).max(200),
            identifier: z.string().max(100).optional(),
            unitPrice: money.optional(),
          })
          .strict(),
      )
      .max(5_000),
    // What the prices are in.
    currency: currency.optional(),
    agreementLines: z
      .array(
        z
          .object({
            companyId: importId,
            productId: importId,
            quantity: z.number().int().nonnegative(),
            unitPrice: money.optional(),
            agreementId: importId.optional(),
            agreementName: z.string().max(200).optional(),
            cancelled: z.boolean().optional(),
          })
          .strict(),
      )
      .max(100_000),
    ...change,
  })
  .strict();
export type PsaImportInput = z.infer<typeof psaImportSchema>;

const rowIds = z.array(reconcileId).min(1).max(500);
export const rowDecisionSchema = z.object({ ids: rowIds, ...change }).strict();
export const rowApproveSchema = z.object({ ids: rowIds, effectiveDate: isoDateTime.optional(), ...change }).strict();

const rowsReply = z.object({ items: z.array(reconciliationRowViewSchema) });

// Request-reply API of apps/reconcile (subject stem → request and response schemas); one RPC per gateway route.
export const reconcileRpcs = {
  'reconcile.health': healthRpc('reconcile'),
  'reconcile.secrets.rotate': secretsRotateRpc('reconcile'),
  'reconcile.psa.connections.create': defineRpc({
    request: psaConnectionInputSchema,
    response: psaConnectionViewSchema,
    description:
      'Store a ConnectWise, Autotask or HaloPSA connection after checking its credentials against the PSA (secrets encrypted, never returned); starts a full sync.',
    sealed: PSA_SECRET_FIELDS,
  }),
  'reconcile.psa.connections.update': defineRpc({
    request: psaConnectionChangeSchema.extend({ id: reconcileId, actor }).strict(),
    response: psaConnectionViewSchema,
    description: 'Change a PSA connection; credentials are checked again.',
    sealed: PSA_SECRET_FIELDS,
  }),
  'reconcile.psa.connections.get': defineRpc({
    request: idRequest,
    response: psaConnectionViewSchema,
    description: 'One PSA connection, without its secret.',
  }),
  'reconcile.psa.connections.list': defineRpc({
    request: z.object(page).strict(),
    response: pageOf(psaConnectionViewSchema),
    description: 'PSA connections, without secrets.',
  }),
  'reconcile.psa.connections.delete': defineRpc({
    request: z.object({ id: reconcileId, ...change }).strict(),
    response: z.object({ deleted: z.literal(true) }),
    description: 'Forget a PSA connection, its synced data, and the mappings that point into it.',
  }),
  'reconcile.psa.import': defineRpc({
    request: psaImportSchema,
    response: z.object({
      connection: psaConnectionViewSchema,
      counts: z.object({ companies: z.number().int(), products: z.number().int(), agreementLines: z.number().int() }),
    }),
    description:
      'PSA companies, products and agreement lines from JSON, for MSPs without a supported PSA (replaces the previous import of that connection).',
  }),
  'reconcile.psa.companies.list': defineRpc({
    request: z.object({ connectionId: reconcileId.optional(), q: z.string().max(200).optional(), ...page }).strict(),
    response: pageOf(psaCompanyViewSchema),
    description: 'Synced PSA companies (q: case-insensitive name substring).',
  }),
  'reconcile.psa.products.list': defineRpc({
    request: z.object({ connectionId: reconcileId.optional(), q: z.string().max(200).optional(), ...page }).strict(),
    response: pageOf(psaProductViewSchema),
    description: 'Synced PSA catalog products (q: case-insensitive name substring).',
  }),
  'reconcile.mappings.accounts.list': defineRpc({
    request: z.object({ state: z.enum(MAPPING_STATES).optional(), ...page }).strict(),
    response: pageOf(accountMappingViewSchema),
    description: 'Duo accounts with their mapping state, mapped PSA company, and ranked suggestions when unmapped.',
  }),
  'reconcile.mappings.accounts.map': defineRpc({
    request: z.object({ accountId, psaCompanyId: reconcileId, ...change }).strict(),
    response: accountMappingViewSchema,
    description: 'Map a Duo account to a PSA company (also how a suggestion is accepted).',
  }),
  'reconcile.mappings.accounts.unmap': defineRpc({
    request: z.object({ accountId, ...change }).strict(),
    response: accountMappingViewSchema,
    description: 'Remove a mapping or exclusion; the account is not auto-mapped again.',
  }),
  'reconcile.mappings.accounts.exclude': defineRpc({
    request: z.object({ accountId, ...change }).strict(),
    response: accountMappingViewSchema,
    description: 'Exclude a Duo account from reconciliation.',
  }),
  'reconcile.mappings.accounts.agreement': defineRpc({
    request: z.object({ accountId, agreementId: reconcileId.nullable(), ...change }).strict(),
    response: accountMappingViewSchema,
    description:
      'Choose the agreement new lines (new revenue) of a mapped account go on; null returns to the default (the agreement that already bills other products, else the only active one).',
  }),
  'reconcile.mappings.accounts.agreements': defineRpc({
    request: z.object({ accountId }).strict(),
    response: z.object({ items: z.array(agreementOptionSchema) }),
    description: "The active agreements of a mapped account's PSA company.",
  }),
  'reconcile.mappings.services.list': defineRpc({
    request: z.object({}).strict(),
    response: pageOf(serviceMappingViewSchema),
    description: 'Every Duo SKU with its mapping state and PSA product.',
  }),
  'reconcile.mappings.services.map': defineRpc({
    request: z.object({ sku: z.enum(DUO_SKUS), productId: reconcileId, ...change }).strict(),
    response: serviceMappingViewSchema,
    description: 'Map a Duo SKU to a PSA catalog product.',
  }),
  'reconcile.mappings.services.unmap': defineRpc({
    request: z.object({ sku: z.enum(DUO_SKUS), ...change }).strict(),
    response: serviceMappingViewSchema,
    description: 'Remove a SKU mapping or exclusion.',
  }),
  'reconcile.mappings.services.exclude': defineRpc({
    request: z.object({ sku: z.enum(DUO_SKUS), ...change }).strict(),
    response: serviceMappingViewSchema,
    description: 'Exclude a Duo SKU from reconciliation.',
  }),
  'reconcile.reconciliation.list': defineRpc({
    request: z
      .object({
        type: z.enum(RECONCILIATION_TYPES).optional(),
        state: z.enum(RECONCILIATION_STATES).optional(),
        accountId: accountId.optional(),
        sku: z.enum(DUO_SKUS).optional(),
        psaCompanyId: reconcileId.optional(),
        // Only rows with |delta| of at least this.
        minDelta: z.coerce.number().int().min(1).max(1_000_000).optional(),
        // true: only rows muted now; false: only rows not muted now.
        muted: z.boolean().optional(),
        // Without it: by row id.
        sort: z.enum(RECONCILIATION_SORTS).optional(),
        ...page,
      })
      .strict(),
    response: pageOf(reconciliationRowViewSchema),
    description:
      'Reconciliation rows (mapped account × service), sorted by a column ("-" for descending) or by id; RECONCILE.NOT_READY until an account and a service are mapped.',
  }),
  'reconcile.reconciliation.summary': defineRpc({
    request: z.object({ accountId: accountId.optional() }).strict(),
    response: reconciliationSummarySchema,
    description:
      'Counts of reconciliation rows by type and state (pending by type), and the Duo seats and PSA quantity of mapped rows; every account unless one is named.',
  }),
  'reconcile.reconciliation.get': defineRpc({
    request: idRequest,
    response: reconciliationRowViewSchema,
    description: 'One reconciliation row.',
  }),
  'reconcile.reconciliation.approve': defineRpc({
    request: rowApproveSchema,
    response: rowsReply,
    description:
      'Approve rows (all or none): each is pushed to the PSA, read back, and becomes applied or failed (retry by approving again).',
  }),
  'reconcile.reconciliation.note': defineRpc({
    request: z.object({ id: reconcileId, note: z.string().trim().max(2_000), actor }).strict(),
    response: reconciliationRowViewSchema,
    description: "Set a row's note (empty clears it) without deciding anything; audited.",
  }),
  'reconcile.reconciliation.mute': defineRpc({
    request: z.object({ ids: rowIds, days: z.number().int().min(0).max(365), ...change }).strict(),
    response: rowsReply,
    description: 'Mute rows for N days (0 unmutes): muted rows are left out of a list asked for muted=false.',
  }),
  'reconcile.settings.get': defineRpc({
    request: z.object({}).strict(),
    response: reconcileSettingsSchema,
    description: 'Reconciliation settings of the MSP.',
  }),
  'reconcile.settings.update': defineRpc({
    request: reconcileSettingsSchema.partial().extend({ actor }).strict(),
    response: reconcileSettingsSchema,
    description: 'Change reconciliation settings; audited.',
  }),
  'reconcile.reconciliation.dismiss': defineRpc({
    request: rowDecisionSchema,
    response: rowsReply,
    description: 'Dismiss pending or failed rows (all or none).',
  }),
  'reconcile.reconciliation.reset': defineRpc({
    request: rowDecisionSchema,
    response: rowsReply,
    description:
      'Return dismissed, failed or applied rows (and approved rows of an import connection) to pending (all or none).',
  }),
  'reconcile.sync-runs.list': defineRpc({
    request: z
      .object({ connectionId: reconcileId.optional(), state: z.enum(SYNC_RUN_STATES).optional(), ...page })
      .strict(),
    response: pageOf(syncRunViewSchema),
    description: 'PSA sync runs, newest first.',
  }),
  'reconcile.sync-runs.get': defineRpc({
    request: idRequest,
    response: syncRunViewSchema,
    description: 'One PSA sync run.',
  }),
  'reconcile.sync-runs.start': defineRpc({
    request: z.object({ connectionId: reconcileId, kind: z.enum(SYNC_RUN_KINDS).default('quick'), actor }).strict(),
    response: syncRunViewSchema,
    description:
      'Sync a ConnectWise connection now (quick: changes since the last run; full: everything). A run already queued or running is returned instead.',
  }),
  'reconcile.audit.list': defineRpc({
    request: z
      .object({
        accountId: accountId.optional(),
        action: z.string().max(100).optional(),
        targetId: z.string().max(200).optional(),
        ...page,
      })
      .strict(),
    response: pageOf(auditEntryViewSchema),
    description: 'Audit log of every decision and push, newest first.',
  }),
  'reconcile.accounts.history': defineRpc({
    request: z.object({ accountId, ...page }).strict(),
    response: pageOf(accountHistoryEntrySchema),
    description: 'Changes of a Duo account’s billable seats and edition, newest first.',
  }),
  'reconcile.tickets.create': defineRpc({
    request: ticketCreateRequestSchema,
    response: ticketCreateResponseSchema,
    description:
      "File a ConnectWise service ticket on a board for the PSA company the Duo account is mapped to, with that company's connection; idempotent on idempotencyKey (a repeat answers the first ticket with created: false).",
  }),
  'reconcile.tickets.boards': defineRpc({
    request: ticketBoardsRequestSchema,
    response: ticketBoardsResponseSchema,
    description: "A ConnectWise connection's active service boards (id, name), to choose the board tickets go on.",
  }),
} as const;
