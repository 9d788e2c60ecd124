import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { OnApplicationShutdown } from '@nestjs/common';
import { type BusConnectOptions, connectBus } from '@seatwise/shared/bus/connect';
import type { Logger } from '@seatwise/shared/logging/logger';

// The service's NATS connection (JetStream traffic; Nest's RPC transport keeps its own). Tracks
// whether the server is reachable for readiness, and drains on shutdown so in-flight work finishes.
export class BusConnection implements OnApplicationShutdown {
  private connected = true;

  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    private readonly logger: Logger,
  ) {
    void this.watchStatus();
  }

  static async open(
    options: Pick<BusConnectOptions, 'url' | 'credentials' | 'inboxPrefix' | 'tls'>,
    name: string,
    logger: Logger,
  ): Promise<BusConnection> {
    const nc = await connectBus({ ...options, name });
    return new BusConnection(nc, jetstream(nc), await jetstreamManager(nc), logger);
  }

  isConnected(): boolean {
    return this.connected && !this.nc.isClosed();
  }

  // A round trip to the server, bounded: status events lag behind a server that just died.
  async ping(timeoutMs: number): Promise<boolean> {
    if (!this.isConnected()) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>(
      (resolve) =>
        (timer = setTimeout(() => {
          resolve(false);
        }, timeoutMs)),
    );
    const rtt = this.nc.rtt().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([rtt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.nc.isClosed()) return;
    await this.nc.drain().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'NATS drain failed');
    });
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger.warn('NATS disconnected; reconnecting');
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger.info('NATS reconnected');
      }
    }
  }
}
