import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { APP_ENV, LOGGER, SERVICE_INFO } from '@seatwise/platform/tokens';
import { broadcastSubject } from '@seatwise/shared/bus/subjects';
import type { Env } from '@seatwise/shared/config/connector-env';
import { accountsListedSchema } from '@seatwise/shared/contracts/broadcasts';
import type { Logger } from '@seatwise/shared/logging/logger';
import { jsonOrUndefined } from '@seatwise/shared/validation/parse';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';

type ListedListener = (integrationId: string) => void;

// Tells the other connector replicas that this one stored an integration's child accounts, so that they take their
// share of the new accounts now, not at their next follow round (a lease period later). Best effort: a replica that
// misses the message follows at that round anyway.
@Injectable()
export class AccountsListed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subject: string;
  private readonly listeners = new Set<ListedListener>();
  private subscription: Subscription | null = null;

  constructor(
    private readonly bus: BusConnection,
    @Inject(APP_ENV) env: Env,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.subject = broadcastSubject(env.SEATWISE_BUS_PREFIX, 'duo-connector.accounts-listed');
  }

  onListed(listener: ListedListener): void {
    this.listeners.add(listener);
  }

  onApplicationBootstrap(): void {
    this.subscription = this.bus.nc.subscribe(this.subject, {
      callback: (error, message) => {
        if (error) this.logger.warn({ err: error }, 'listing broadcasts stopped; following at each round');
        else this.receive(message.string());
      },
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  announce(integrationId: string): void {
    if (!this.bus.isConnected()) return;
    try {
      this.bus.nc.publish(this.subject, JSON.stringify({ instanceId: this.info.instanceId, integrationId }));
    } catch (error) {
      this.logger.warn({ err: error, integration: integrationId }, 'listing not broadcast; others follow later');
    }
  }

  private receive(text: string): void {
    const parsed = accountsListedSchema.safeParse(jsonOrUndefined(text));
    if (!parsed.success) {
      this.logger.warn({ subject: this.subject, reason: formatIssues(parsed.error) }, 'listing broadcast dropped');
      return;
    }
    // NATS echoes this replica's own message back; it has tracked its listing already.
    if (parsed.data.instanceId === this.info.instanceId) return;
    for (const listener of this.listeners) listener(parsed.data.integrationId);
  }
}
