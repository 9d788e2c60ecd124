import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { routeOfHandler } from './route.decorator';
import type { AnyRoute } from './route-definition';

// Every route the app serves, read from its controllers' @ApiRoute handlers: a route exists in the
// OpenAPI document because a controller serves it, never because a table lists it.
@Injectable()
export class RouteCatalog {
  private found: readonly AnyRoute[] | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  // Read on first use, when every module's controllers are known.
  routes(): readonly AnyRoute[] {
    this.found ??= this.discovery.getControllers().flatMap(({ metatype }) => this.routesOf(metatype));
    return this.found;
  }

  private routesOf(controller: unknown): AnyRoute[] {
    if (typeof controller !== 'function') return [];
    const prototype = controller.prototype as Record<string, unknown>;
    return this.scanner.getAllMethodNames(prototype).flatMap((name) => routeOfHandler(prototype[name]) ?? []);
  }
}
