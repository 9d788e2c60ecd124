import {
  catalogChangeSchema,
  catalogCreateRequestSchema,
  catalogProductId,
  catalogProductSchema,
  catalogUpdateRequestSchema,
} from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import { withoutAbsent } from '../../lists/upstream-pager';
import { limitParam, searchParam } from '../../routing/query-params';
import { DiscoveryClient } from '../../upstream/discovery.client';
import { Resource } from '../resource';

const base = '/api/v1/catalog';
const catalog = new Resource('Catalog', DiscoveryClient);

export const CatalogController = catalog.controller('CatalogController', {
  search: catalog.get(
    {
      path: base,
      summary: 'SaaS catalog products whose name, vendor or alias contains q (to pick a match)',
      query: z.object({ q: searchParam, limit: limitParam }).strict(),
      response: z.object({ items: z.array(catalogProductSchema), version: z.string() }),
    },
    ({ query }, client) => client.call('discovery.catalog.search', withoutAbsent(query)),
  ),
  create: catalog.command(
    {
      path: base,
      summary: 'Add a custom catalog product (services it would match differently are re-matched)',
      body: catalogCreateRequestSchema.omit({ actor: true }),
      response: catalogChangeSchema,
    },
    (request, client) => client.call('discovery.catalog.create', request),
  ),
  update: catalog.command(
    {
      method: 'PATCH',
      path: `${base}/:id`,
      summary: 'Edit a custom catalog product (services it would match differently are re-matched)',
      params: z.object({ id: catalogProductId }).strict(),
      status: 200,
      body: catalogUpdateRequestSchema.omit({ id: true, actor: true }),
      response: catalogChangeSchema,
    },
    (request, client) => client.call('discovery.catalog.update', request),
  ),
});
