import type { ApiKeyRole } from '@seatwise/shared/contracts/gateway-api';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

// One HTTP route: the same zod schemas validate its requests and generate its OpenAPI operation,
// so the docs cannot drift from what the gateway accepts.
export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  // Express-style path under the API root, e.g. /api/v1/integrations/:id.
  path: string;
  tag: string;
  summary: string;
  description?: string;
  // Least role allowed; mutations default to admin, reads to viewer.
  role?: ApiKeyRole;
  // false only for health, docs and the console's session routes (which check the cookie themselves).
  auth?: boolean;
  // Problem statuses a public route answers beyond 400, 429 and 503 (documented, e.g. 401 of sign-in).
  problems?: readonly number[];
  // Left out of the OpenAPI document (the docs pages themselves).
  hidden?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  // A list: answers CSV too (Accept: text/csv or format=csv), item columns from this schema.
  csvItem?: z.ZodObject;
  // Other media the route answers (text/event-stream); documented, not validated.
  produces?: string;
}

export type AnyRoute = RouteDefinition;

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  def: RouteDefinition<P, Q, B, R>,
): RouteDefinition<P, Q, B, R> {
  return def;
}

export function requiredRole(route: AnyRoute): ApiKeyRole {
  return route.role ?? (route.method === 'GET' ? 'viewer' : 'admin');
}

// What a route answers when it succeeds: its own status, else 201 for a creation and 200 otherwise.
export function successStatus(route: AnyRoute): number {
  return route.status ?? (route.method === 'POST' ? 201 : 200);
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

export type InputOf<D> = D extends RouteDefinition<infer P, infer Q, infer B> ? RouteInput<P, Q, B> : never;
