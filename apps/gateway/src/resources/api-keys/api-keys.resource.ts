import { apiKeyCreateSchema, apiKeyCreatedSchema, apiKeyViewSchema } from '@seatwise/shared/contracts/gateway-api';
import { z } from 'zod';
import { ApiKeysService } from '../../auth/api-keys.service';
import { listQuery } from '../../routing/query-params';
import { Resource } from '../resource';

const base = '/api/v1/api-keys';
const idParams = z
  .object({ id: z.string().regex(/^key_[A-Za-z0-9_-]{1,32}$/, 'must be an API key id (key_…)') })
  .strict();
const keys = new Resource('API keys', ApiKeysService);

// The gateway's own data: served by its own service, not an upstream one.
export const ApiKeysController = keys.controller('ApiKeysController', {
  list: keys.list(
    {
      path: base,
      role: 'admin',
      summary: 'API keys (never the keys themselves), oldest first',
      query: listQuery({}),
      list: apiKeyViewSchema,
    },
    ({ limit, cursor }, service) => service.page(limit, cursor),
  ),
  create: keys.route(
    {
      method: 'POST',
      path: base,
      summary: 'Create an API key: the key is in this response only',
      body: apiKeyCreateSchema,
      response: apiKeyCreatedSchema,
    },
    ({ body }, service) => service.create(body),
  ),
  get: keys.get(
    { path: `${base}/:id`, role: 'admin', summary: 'One API key', params: idParams, response: apiKeyViewSchema },
    ({ params }, service) => service.get(params.id),
  ),
  revoke: keys.route(
    {
      method: 'DELETE',
      path: `${base}/:id`,
      summary: 'Revoke an API key (it stops working at once; the record stays for audit)',
      params: idParams,
      response: apiKeyViewSchema,
    },
    ({ params }, service) => service.revoke(params.id),
  ),
});
