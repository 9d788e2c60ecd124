import { Controller, Inject, type Type } from '@nestjs/common';
import { pageOf } from '@seatwise/shared/contracts/page';
import type { z } from 'zod';
import { Actor } from '../auth/actor.decorator';
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
type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Omit<
  RouteDefinition<P, Q, B>,
  'tag' | 'response' | 'csvItem'
> & { tag?: string } & ({ response: z.ZodType; list?: never } | { list: z.ZodObject; response?: never });

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
