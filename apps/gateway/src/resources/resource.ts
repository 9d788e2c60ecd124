import { Controller, Inject, type Type } from '@nestjs/common';
import { type Page, pageOf } from '@seatwise/shared/contracts/page';
import type { z } from 'zod';
import { Actor } from '../auth/actor.decorator';
import { type ListQuery, type UpstreamListRequest, upstreamPager } from '../lists/upstream-pager';
import type { AnyRoute, RouteDefinition, RouteInput } from '../routing/route-definition';
import { ApiRoute } from '../routing/route.decorator';
import { Input } from '../routing/route-input';

// What a handler gets: its route's parsed input, and the actor its changes are recorded under upstream
// (the API key's name and id).
type HandlerInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = RouteInput<P, Q, B> & {
  actor: string;
};

type Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, S> = (
  input: HandlerInput<P, Q, B>,
  service: S,
) => unknown;

// A route as a resource declares it: the tag defaults to the resource's, and a list names its item
// schema once (its page schema and its CSV columns both come from it).
type RouteBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Omit<
  RouteDefinition<P, Q, B>,
  'tag' | 'response' | 'csvItem'
> & { tag?: string };
type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = RouteBase<P, Q, B> &
  ({ response: z.ZodType; list?: never } | { list: z.ZodObject; response?: never });

// The common shapes, each a route with less to say: a list (a GET the service behind pages), a get (a
// GET answering one thing), a command (a change the service behind makes in the actor's name).
type ListSpec<P extends z.ZodType, Q extends z.ZodType> = Omit<RouteBase<P, Q, z.ZodType>, 'method' | 'body'> & {
  query: Q;
  list: z.ZodObject;
};
type GetSpec<P extends z.ZodType, Q extends z.ZodType> = Omit<RouteBase<P, Q, z.ZodType>, 'method' | 'body'> & {
  response: z.ZodType;
};
type CommandSpec<P extends z.ZodType, B extends z.ZodType> = Omit<RouteBase<P, z.ZodType, B>, 'method' | 'query'> & {
  method?: 'POST' | 'PATCH' | 'PUT';
  body: B;
  response: z.ZodType;
};

// What a command sends upstream: the body, the path's params and the actor, in one request.
type CommandRequest<P extends z.ZodType, B extends z.ZodType> = z.output<B> & z.output<P> & { actor: string };

interface Endpoint<S> {
  route: AnyRoute;
  handle: Handler<z.ZodType, z.ZodType, z.ZodType, S>;
}

// The routes of one resource, each declared with what it does, served by the service behind them
// (an upstream client or a local service). A route and its handler stay one declaration, so neither
// can be added or renamed without the other.
export class Resource<S> {
  constructor(
    private readonly tag: string,
    private readonly service: Type<S>,
  ) {}

  route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    spec: RouteSpec<P, Q, B>,
    handle: Handler<P, Q, B, S>,
  ): Endpoint<S> {
    const { list, response, tag, ...rest } = spec;
    const shape = list ? { response: pageOf(list), csvItem: list } : { response };
    const route: AnyRoute = { ...rest, ...shape, tag: tag ?? this.tag };
    return { route, handle };
  }

  // A list the service behind pages itself: `fetch` answers one page's request (the query's filters,
  // the limit and the cursor; see upstreamPager) with that page.
  list<P extends z.ZodType, Q extends z.ZodType<ListQuery>>(
    spec: ListSpec<P, Q>,
    fetch: (request: UpstreamListRequest<z.output<Q>>, service: S, params: z.output<P>) => Promise<Page<unknown>>,
  ): Endpoint<S> {
    return this.route<P, Q, z.ZodType>({ ...spec, method: 'GET' }, ({ params, query }, service) =>
      upstreamPager(query, (request) => fetch(request, service, params)),
    );
  }

  get<P extends z.ZodType, Q extends z.ZodType>(spec: GetSpec<P, Q>, handle: Handler<P, Q, z.ZodType, S>): Endpoint<S> {
    return this.route<P, Q, z.ZodType>({ ...spec, method: 'GET' }, handle);
  }

  // A POST unless the spec names another method.
  command<P extends z.ZodType<object>, B extends z.ZodType<object | undefined>>(
    spec: CommandSpec<P, B>,
    send: (request: CommandRequest<P, B>, service: S) => unknown,
  ): Endpoint<S> {
    return this.route<P, z.ZodType, B>({ method: 'POST', ...spec }, ({ params, body, actor }, service) =>
      send({ ...body, ...params, actor }, service),
    );
  }

  // A Nest controller with one handler method per endpoint, bound to its route by @ApiRoute like a
  // hand-written one: the guards, the input parsing and the response shaping see no difference.
  controller(className: string, endpoints: Readonly<Record<string, Endpoint<S>>>): Type {
    const service = this.service;
    @Controller()
    class ResourceController {
      constructor(@Inject(service) readonly service: S) {}
    }
    const prototype = ResourceController.prototype as object;
    for (const [name, { route, handle }] of Object.entries(endpoints)) {
      const value = function (
        this: ResourceController,
        input: RouteInput<z.ZodType, z.ZodType, z.ZodType>,
        actor: string,
      ) {
        return handle({ ...input, actor }, this.service);
      };
      const descriptor = { value, writable: true, configurable: true };
      Object.defineProperty(prototype, name, descriptor);
      ApiRoute(route)(prototype, name, descriptor);
      Input()(prototype, name, 0);
      Actor()(prototype, name, 1);
    }
    // Nest names the controller by its class in logs and errors.
    Object.defineProperty(ResourceController, 'name', { value: className });
    return ResourceController;
  }
}
