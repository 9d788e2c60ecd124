import { HttpCode, RequestMethod, RequestMapping, SetMetadata, applyDecorators } from '@nestjs/common';
import type { AnyRoute, HttpMethod } from './route-definition';

export const ROUTE_DEF = Symbol('gateway.route');

const METHODS: Readonly<Record<HttpMethod, RequestMethod>> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PATCH: RequestMethod.PATCH,
  PUT: RequestMethod.PUT,
  DELETE: RequestMethod.DELETE,
};

// Binds a handler to its route definition: Nest's path and method, the status, and the definition
// itself for the guards (auth, role) and the input decorator (validation).
export function ApiRoute(route: AnyRoute): MethodDecorator {
  return applyDecorators(
    RequestMapping({ path: route.path, method: METHODS[route.method] }),
    HttpCode(route.status ?? (route.method === 'POST' ? 201 : 200)),
    SetMetadata(ROUTE_DEF, route),
  );
}
