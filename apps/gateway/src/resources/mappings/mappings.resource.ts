import { accountId } from '@seatwise/shared/contracts/common';
import {
  DUO_SKUS,
  MAPPING_STATES,
  accountMappingViewSchema,
  agreementOptionSchema,
  reconcileId,
  serviceMappingViewSchema,
} from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { wholeListPager } from '../../lists/upstream-pager';
import { listQuery } from '../../routing/query-params';
import { ReconcileClient } from '../../upstream/reconcile.client';
import { Resource } from '../resource';

const accounts = '/api/v1/mappings/accounts';
const skus = '/api/v1/mappings/services';
const accountParams = z.object({ accountId }).strict();
const skuParams = z.object({ sku: z.enum(DUO_SKUS) }).strict();
const note = z.string().trim().max(2_000).optional();
// A decision's body: only an optional note (the actor is the API key).
const noteBody = z.object({ note }).strict().optional();
const mappings = new Resource('Mappings', ReconcileClient);

// Decisions answer the mapping they change (200), whatever they did to it.
const account = { params: accountParams, status: 200, response: accountMappingViewSchema } as const;
const sku = { params: skuParams, status: 200, response: serviceMappingViewSchema } as const;

export const MappingsController = mappings.controller('MappingsController', {
  accounts: mappings.list(
    {
      path: accounts,
      summary: 'Duo accounts with their mapping state, PSA company and ranked suggestions',
      query: listQuery({ state: z.enum(MAPPING_STATES).optional() }),
      list: accountMappingViewSchema,
    },
    (request, reconcile) => reconcile.call('reconcile.mappings.accounts.list', request),
  ),
  mapAccount: mappings.command(
    {
      ...account,
      path: `${accounts}/:accountId/map`,
      summary: 'Map a Duo account to a PSA company (also how a suggestion is accepted)',
      body: z.object({ psaCompanyId: reconcileId, note }).strict(),
    },
    (request, reconcile) => reconcile.call('reconcile.mappings.accounts.map', request),
  ),
  unmapAccount: mappings.command(
    {
      ...account,
      path: `${accounts}/:accountId/unmap`,
      summary: 'Remove an account mapping or exclusion',
      body: noteBody,
    },
    (request, reconcile) => reconcile.call('reconcile.mappings.accounts.unmap', request),
  ),
  excludeAccount: mappings.command(
    {
      ...account,
      path: `${accounts}/:accountId/exclude`,
      summary: 'Exclude a Duo account from reconciliation',
      body: noteBody,
    },
    (request, reconcile) => reconcile.call('reconcile.mappings.accounts.exclude', request),
  ),
  chooseAgreement: mappings.command(
    {
      ...account,
      path: `${accounts}/:accountId/agreement`,
      summary: 'Choose the PSA agreement new lines (new revenue) of a mapped account go on (null: the default rule)',
      body: z.object({ agreementId: reconcileId.nullable(), note }).strict(),
    },
    (request, reconcile) => reconcile.call('reconcile.mappings.accounts.agreement', request),
  ),
  agreements: mappings.get(
    {
      path: `${accounts}/:accountId/agreements`,
      summary: "The active agreements of a mapped account's PSA company",
      params: accountParams,
      response: z.object({ items: z.array(agreementOptionSchema) }),
    },
    ({ params }, reconcile) => reconcile.call('reconcile.mappings.accounts.agreements', params),
  ),
  // The SKU list is short and answered whole; the gateway pages it like any other list.
  services: mappings.route(
    {
      method: 'GET',
      path: skus,
      summary: 'Every Duo SKU with its mapping state and PSA product',
      query: listQuery({}),
      list: serviceMappingViewSchema,
    },
    ({ query }, reconcile) =>
      wholeListPager(query, {
        load: async () => (await reconcile.call('reconcile.mappings.services.list', {})).items,
        keyOf: (m) => m.sku,
      }),
  ),
  mapService: mappings.command(
    {
      ...sku,
      path: `${skus}/:sku/map`,
      summary: 'Map a Duo SKU to a PSA catalog product',
      body: z.object({ productId: reconcileId, note }).strict(),
    },
    (request, reconcile) => reconcile.call('reconcile.mappings.services.map', request),
  ),
  unmapService: mappings.command(
    { ...sku, path: `${skus}/:sku/unmap`, summary: 'Remove a SKU mapping or exclusion', body: noteBody },
    (request, reconcile) => reconcile.call('reconcile.mappings.services.unmap', request),
  ),
  excludeService: mappings.command(
    { ...sku, path: `${skus}/:sku/exclude`, summary: 'Exclude a Duo SKU from reconciliation', body: noteBody },
    (request, reconcile) => reconcile.call('reconcile.mappings.services.exclude', request),
  ),
});
