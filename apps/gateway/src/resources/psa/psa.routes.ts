import { psaConnectionInputSchema, psaImportSchema } from '@seatwise/shared/contracts/reconcile-rpcs';
import { psaCompanyViewSchema, psaConnectionViewSchema, psaProductViewSchema, reconcileId } from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { listQuery, noQuery, searchParam } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'PSA';
const base = '/api/v1/psa/connections';
const idParams = z.object({ id: reconcileId }).strict();
const withoutActor = { actor: true } as const;

export const IMPORT_PATH = '/api/v1/psa/import';

export const psaRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    summary: 'PSA connections (ConnectWise and JSON imports), never their private keys',
    query: listQuery({}),
    response: pageOf(psaConnectionViewSchema),
    csvItem: psaConnectionViewSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: base,
    tag,
    summary: 'Add a ConnectWise connection (credentials checked; the private key is write-only)',
    body: psaConnectionInputSchema.omit(withoutActor),
    response: psaConnectionViewSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, summary: 'One PSA connection', params: idParams, query: noQuery, response: psaConnectionViewSchema }),
  update: defineRoute({
    method: 'PATCH',
    path: `${base}/:id`,
    tag,
    summary: 'Change a ConnectWise connection; credentials are checked again',
    params: idParams,
    body: psaConnectionInputSchema
      .omit({ kind: true, actor: true })
      .partial()
      .strict()
      .refine((b) => Object.keys(b).some((k) => k !== 'note'), { message: 'change at least one field' }),
    response: psaConnectionViewSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${base}/:id`,
    tag,
    summary: 'Forget a PSA connection, its synced data and the mappings into it',
    params: idParams,
    response: z.object({ deleted: z.literal(true) }),
  }),
  import: defineRoute({
    method: 'POST',
    path: IMPORT_PATH,
    tag,
    summary: 'Import companies, products and agreement lines from JSON (for MSPs without a supported PSA)',
    description: 'Replaces the previous import of connectionId, or creates an import connection. Takes larger bodies than other routes.',
    body: psaImportSchema.omit(withoutActor),
    status: 200,
    response: z.object({
      connection: psaConnectionViewSchema,
      counts: z.object({ companies: z.number().int(), products: z.number().int(), agreementLines: z.number().int() }),
    }),
  }),
  companies: defineRoute({
    method: 'GET',
    path: '/api/v1/psa/companies',
    tag,
    summary: 'Synced PSA companies',
    query: listQuery({ connectionId: reconcileId.optional(), q: searchParam }),
    response: pageOf(psaCompanyViewSchema),
    csvItem: psaCompanyViewSchema,
  }),
  products: defineRoute({
    method: 'GET',
    path: '/api/v1/psa/products',
    tag,
    summary: 'Synced PSA catalog products',
    query: listQuery({ connectionId: reconcileId.optional(), q: searchParam }),
    response: pageOf(psaProductViewSchema),
    csvItem: psaProductViewSchema,
  }),
};
