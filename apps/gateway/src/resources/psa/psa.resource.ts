import {
  psaConnectionBodySchema,
  psaConnectionChangeSchema,
  psaImportSchema,
} from '@seatwise/shared/contracts/reconcile-rpcs';
import { ticketBoardsRequestSchema, ticketBoardsResponseSchema } from '@seatwise/shared/contracts/reconcile-tickets';
import {
  psaCompanyViewSchema,
  psaConnectionViewSchema,
  psaProductViewSchema,
  reconcileId,
} from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { listQuery, searchParam } from '../../routing/query-params';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { Resource } from '../resource';

const base = '/api/v1/psa/connections';
const idParams = z.object({ id: reconcileId }).strict();
const withoutActor = { actor: true } as const;
const syncedData = listQuery({ connectionId: reconcileId.optional(), q: searchParam });
const psa = new Resource('PSA', ReconcileClient);

// Takes larger bodies than any other route (the HTTP pipeline's body limit names it).
export const IMPORT_PATH = '/api/v1/psa/import';

export const PsaController = psa.controller('PsaController', {
  list: psa.list(
    {
      path: base,
      summary: 'PSA connections (ConnectWise, Autotask, HaloPSA and JSON imports), never their secrets',
      query: listQuery({}),
      list: psaConnectionViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.psa.connections.list', request),
  ),
  create: psa.command(
    {
      path: base,
      summary: 'Add a ConnectWise, Autotask or HaloPSA connection (credentials checked; secrets are write-only)',
      body: psaConnectionBodySchema,
      response: psaConnectionViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.psa.connections.create', request),
  ),
  get: psa.get(
    { path: `${base}/:id`, summary: 'One PSA connection', params: idParams, response: psaConnectionViewSchema },
    ({ params }, reconcile) => reconcile.call('reconcile.psa.connections.get', params),
  ),
  update: psa.command(
    {
      method: 'PATCH',
      path: `${base}/:id`,
      summary: 'Change a PSA connection (fields of its own kind); credentials are checked again',
      params: idParams,
      body: psaConnectionChangeSchema.refine((b) => Object.keys(b).some((k) => k !== 'note'), {
        message: 'change at least one field',
      }),
      response: psaConnectionViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.psa.connections.update', request),
  ),
  remove: psa.route(
    {
      method: 'DELETE',
      path: `${base}/:id`,
      summary: 'Forget a PSA connection, its synced data and the mappings into it',
      params: idParams,
      response: z.object({ deleted: z.literal(true) }),
    },
    ({ params, actor }, reconcile) => reconcile.call('reconcile.psa.connections.delete', { ...params, actor }),
  ),
  import: psa.command(
    {
      path: IMPORT_PATH,
      summary: 'Import companies, products and agreement lines from JSON (for MSPs without a supported PSA)',
      description:
        'Replaces the previous import of connectionId, or creates an import connection. Takes larger bodies than other routes.',
      body: psaImportSchema.omit(withoutActor),
      status: 200,
      response: z.object({
        connection: psaConnectionViewSchema,
        counts: z.object({ companies: z.number().int(), products: z.number().int(), agreementLines: z.number().int() }),
      }),
    },
    (request, reconcile) => reconcile.call('reconcile.psa.import', request),
  ),
  companies: psa.list(
    { path: '/api/v1/psa/companies', summary: 'Synced PSA companies', query: syncedData, list: psaCompanyViewSchema },
    (request, reconcile) => reconcile.call('reconcile.psa.companies.list', request),
  ),
  products: psa.list(
    {
      path: '/api/v1/psa/products',
      summary: 'Synced PSA catalog products',
      query: syncedData,
      list: psaProductViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.psa.products.list', request),
  ),
  boards: psa.get(
    {
      path: '/api/v1/psa/boards',
      summary: 'The active service boards of a ConnectWise connection (where alert tickets can be filed)',
      description:
        'Read from the PSA now. Without connectionId: the only connection that calls a PSA (RECONCILE.TICKET_CONNECTION_REQUIRED when there are several).',
      query: ticketBoardsRequestSchema,
      response: ticketBoardsResponseSchema,
    },
    ({ query }, reconcile) => reconcile.call('reconcile.tickets.boards', query),
  ),
});
