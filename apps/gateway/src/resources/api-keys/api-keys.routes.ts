import { apiKeyCreateSchema, apiKeyCreatedSchema, apiKeyViewSchema } from '@seatwise/shared/contracts/gateway-api';
import { z } from 'zod';
import { listQuery } from '../../routing/query-params';
import { defineRoute } from '../../routing/route-definition';
import { pageOf } from '@seatwise/shared/contracts/page';

const tag = 'API keys';
const base = '/api/v1/api-keys';
const idParams = z.object({ id: z.string().regex(/^key_[A-Za-z0-9_-]{1,32}$/, 'must be an API key id (key_…)') }).strict();

export const apiKeyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: base,
    tag,
    role: 'admin',
    summary: 'API keys (never the keys themselves), oldest first',
    query: listQuery({}),
    response: pageOf(apiKeyViewSchema),
    csvItem: apiKeyViewSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: base,
    tag,
    summary: 'Create an API key: the key is in this response only',
    body: apiKeyCreateSchema,
    response: apiKeyCreatedSchema,
  }),
  get: defineRoute({ method: 'GET', path: `${base}/:id`, tag, role: 'admin', summary: 'One API key', params: idParams, response: apiKeyViewSchema }),
  revoke: defineRoute({
    method: 'DELETE',
    path: `${base}/:id`,
    tag,
    summary: 'Revoke an API key (it stops working at once; the record stays for audit)',
    params: idParams,
    response: apiKeyViewSchema,
  }),
};
