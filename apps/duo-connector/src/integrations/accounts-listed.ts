import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BroadcastChannel } from '@seatwise/platform/bus/broadcast-channel';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import type { ServiceInfo } from '@seatwise/platform/service-info';
import { APP_ENV, LOGGER, SERVICE_INFO } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { Logger } from '@seatwise/shared/logging/logger';

type ListedListener = (integrationId: string) => void;

// Tells the other connector replicas that this one stored an integration's child accounts, so that they take their
// share of the new accounts now, not at their next follow round (a lease period later). Best effort: a replica that
// misses the message follows at that round anyway.
@Injectable()
export class AccountsListed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listeners = new Set<ListedListener>();
  private readonly channel: BroadcastChannel<'duo-connector.accounts-listed'>;

  constructor(
    bus: BusConnection,
    @Inject(APP_ENV) env: Env,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.channel = new BroadcastChannel(bus, 'duo-connector.accounts-listed', {
      prefix: env.SEATWISE_BUS_PREFIX,
      instanceId: info.instanceId,
      fallback: 'following at each round',
      logger,
    });
  }

  onListed(listener: ListedListener): void {
    this.listeners.add(listener);
  }

  onApplicationBootstrap(): void {
    this.channel.listen(({ integrationId }) => {
      for (const listener of this.listeners) listener(integrationId);
    });
  }

  onApplicationShutdown(): void {
    this.channel.close();
  }

  announce(integrationId: string): void {
    this.channel.send({ instanceId: this.info.instanceId, integrationId });
  }
}
