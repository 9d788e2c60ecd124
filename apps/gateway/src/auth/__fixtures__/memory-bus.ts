import type { Msg, SubscriptionOptions } from '@nats-io/transport-node';
import type { BusConnection } from '@seatwise/platform/bus/bus-connection';
import type { Clock } from '@seatwise/platform/clock/clock';
import type { Env } from '@seatwise/shared/config/gateway-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { RateLimitShare } from '../rate-limit-share';

type Callback = NonNullable<SubscriptionOptions['callback']>;

// Core NATS in memory for the gateway's replicas in a unit spec: a publish reaches every subscriber of the
// subject at once, the sender's own subscription included (NATS echoes by default).
export class MemoryBus {
  readonly published: { subject: string; data: string }[] = [];
  connected = true;
  failPublish = false;
  private readonly subscribers = new Set<{ subject: string; callback: Callback }>();

  connection(): BusConnection {
    const nc = {
      subscribe: (subject: string, options: SubscriptionOptions) => {
        const subscriber = { subject, callback: options.callback ?? (() => undefined) };
        this.subscribers.add(subscriber);
        return {
          unsubscribe: () => {
            this.subscribers.delete(subscriber);
          },
        };
      },
      publish: (subject: string, data: string) => {
        if (this.failPublish) throw new Error('connection closed');
        this.deliver(subject, data);
      },
    };
    return { nc, isConnected: () => this.connected } as unknown as BusConnection;
  }

  // What any publisher on the bus could send (the spec's malformed messages).
  deliver(subject: string, data: string): void {
    this.published.push({ subject, data });
    const message = { subject, string: () => data } as unknown as Msg;
    for (const subscriber of this.subscribers) {
      if (subscriber.subject === subject) void subscriber.callback(null, message);
    }
  }
}

export const PREFIX = 'unit';

export interface Replica {
  share: RateLimitShare;
  warnings: string[];
}

// One gateway replica's share on the bus, subscribed; its flush loop is not started (specs flush by hand).
export function replicaOn(bus: MemoryBus, clock: Clock, instanceId: string): Replica {
  const warnings: string[] = [];
  const logger = {
    warn: (_fields: unknown, message: string) => {
      warnings.push(message);
    },
  } as unknown as Logger;
  const env = { SEATWISE_BUS_PREFIX: PREFIX } as Env;
  const info = { name: 'gateway' as const, version: '0', startedAt: new Date(0), instanceId };
  const share = new RateLimitShare(bus.connection(), clock, env, info, logger);
  share.listen();
  return { share, warnings };
}
