import { accountId } from '@seatwise/shared/contracts/common';
import { DUO_SKUS, MAPPING_STATES, accountMappingViewSchema, reconcileId, serviceMappingViewSchema } from '@seatwise/shared/contracts/reconcile-views';
import { z } from 'zod';
import { listQuery } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'Mappings';
const accounts = '/api/v1/mappings/accounts';
const services = '/api/v1/mappings/services';
const accountParams = z.object({ accountId }).strict();
const skuParams = z.object({ sku: z.enum(DUO_SKUS) }).strict();
const note = z.string().trim().max(2_000).optional();
// A decision's body: only an optional note (the actor is the API key).
const noteBody = z.object({ note }).strict().optional();

export const mappingRoutes = {
  accounts: defineRoute({
    method: 'GET',
    path: accounts,
    tag,
    summary: 'Duo accounts with their mapping state, PSA company and ranked suggestions',
    query: listQuery({ state: z.enum(MAPPING_STATES).optional() }),
    response: pageOf(accountMappingViewSchema),
    csvItem: accountMappingViewSchema,
  }),
  mapAccount: defineRoute({
    method: 'POST',
    path: `${accounts}/:accountId/map`,
    tag,
    summary: 'Map a Duo account to a PSA company (also how a suggestion is accepted)',
    params: accountParams,
    body: z.object({ psaCompanyId: reconcileId, note }).strict(),
    status: 200,
    response: accountMappingViewSchema,
  }),
  unmapAccount: defineRoute({ method: 'POST', path: `${accounts}/:accountId/unmap`, tag, summary: 'Remove an account mapping or exclusion', params: accountParams, body: noteBody, status: 200, response: accountMappingViewSchema }),
  excludeAccount: defineRoute({ method: 'POST', path: `${accounts}/:accountId/exclude`, tag, summary: 'Exclude a Duo account from reconciliation', params: accountParams, body: noteBody, status: 200, response: accountMappingViewSchema }),
  services: defineRoute({
    method: 'GET',
    path: services,
    tag,
    summary: 'Every Duo SKU with its mapping state and PSA product',
    query: listQuery({}),
    response: pageOf(serviceMappingViewSchema),
    csvItem: serviceMappingViewSchema,
  }),
  mapService: defineRoute({
    method: 'POST',
    path: `${services}/:sku/map`,
    tag,
    summary: 'Map a Duo SKU to a PSA catalog product',
    params: skuParams,
    body: z.object({ productId: reconcileId, note }).strict(),
    status: 200,
    response: serviceMappingViewSchema,
  }),
  unmapService: defineRoute({ method: 'POST', path: `${services}/:sku/unmap`, tag, summary: 'Remove a SKU mapping or exclusion', params: skuParams, body: noteBody, status: 200, response: serviceMappingViewSchema }),
  excludeService: defineRoute({ method: 'POST', path: `${services}/:sku/exclude`, tag, summary: 'Exclude a Duo SKU from reconciliation', params: skuParams, body: noteBody, status: 200, response: serviceMappingViewSchema }),
};
