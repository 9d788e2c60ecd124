import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import { eventFilter } from '@seatwise/shared/bus/subjects';
import type { Env } from '@seatwise/shared/config/gateway-env';
import {
  GATEWAY_EVENT_NAMES,
  type GatewayEventName,
  gatewayEventSchemas,
} from '@seatwise/shared/contracts/gateway-api';
import type { Logger } from '@seatwise/shared/logging/logger';
import { jsonOrUndefined } from '@seatwise/shared/validation/parse';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';

export interface HubEvent {
  name: GatewayEventName;
  payload: Readonly<Record<string, unknown>>;
}

type HubListener = (event: HubEvent) => void;

// One core NATS subscription per event type for the whole gateway (not per SSE client), fanned out
// in-process. Core subscriptions see what is published from now on; SSE is for live changes, lists
// give the state. Each payload is validated against its contract before any client sees it.
@Injectable()
export class EventHub implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new Set<HubListener>();
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly bus: BusConnection,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    for (const name of GATEWAY_EVENT_NAMES) {
      const subscription = this.bus.nc.subscribe(eventFilter(this.env.SEATWISE_BUS_PREFIX, name));
      this.subscriptions.push(subscription);
      void this.pump(name, subscription);
    }
  }

  listen(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.listeners.clear();
  }

  private async pump(name: GatewayEventName, subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      const parsed = gatewayEventSchemas[name].safeParse(jsonOrUndefined(message.string()));
      if (!parsed.success) {
        this.logger.warn(
          { subject: message.subject, reason: formatIssues(parsed.error) },
          'event dropped: breaks its contract',
        );
        continue;
      }
      const event: HubEvent = { name, payload: parsed.data };
      for (const listener of this.listeners) listener(event);
    }
  }
}
