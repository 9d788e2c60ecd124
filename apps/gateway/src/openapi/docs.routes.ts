import { z } from 'zod';
import { defineRoute } from '../routing/route-definition';

const tag = 'Docs';

export const docsRoutes = {
  openapi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    tag,
    summary: 'This OpenAPI document',
    auth: false,
    hidden: true,
    response: z.unknown(),
    produces: 'application/json',
  }),
  ui: defineRoute({
    method: 'GET',
    path: '/api/docs',
    tag,
    summary: 'Swagger UI',
    auth: false,
    hidden: true,
    response: z.string(),
    produces: 'text/html',
  }),
  uiInit: defineRoute({
    method: 'GET',
    path: '/api/docs/seatwise-init.js',
    tag,
    summary: 'Swagger UI start-up',
    auth: false,
    hidden: true,
    response: z.string(),
    produces: 'text/javascript',
  }),
};
