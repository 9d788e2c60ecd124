import {
  type ExecutionContext,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { type AnyRoute, type HttpMethod, successStatus } from './route-definition';

const ROUTE_DEF = Symbol('gateway.route');

const METHODS: Readonly<Record<HttpMethod, RequestMethod>> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PATCH: RequestMethod.PATCH,
  PUT: RequestMethod.PUT,
  DELETE: RequestMethod.DELETE,
};

// Binds a handler to its route definition: Nest's path and method, the status, and the definition
// itself for the guards (auth, role), the input decorator (validation), the response interceptor and
// the OpenAPI document.
export function ApiRoute(route: AnyRoute): MethodDecorator {
  return applyDecorators(
    RequestMapping({ path: route.path, method: METHODS[route.method] }),
    HttpCode(successStatus(route)),
    SetMetadata(ROUTE_DEF, route),
  );
}

// The route definition of a handler (a method), or undefined for handlers without @ApiRoute (health).
export function routeOfHandler(handler: unknown): AnyRoute | undefined {
  if (typeof handler !== 'function') return undefined;
  return Reflect.getMetadata(ROUTE_DEF, handler) as AnyRoute | undefined;
}

// The route definition of the handler a request reached.
export function routeOf(context: ExecutionContext): AnyRoute | undefined {
  return routeOfHandler(context.getHandler());
}
