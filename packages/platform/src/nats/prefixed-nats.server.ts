import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { ServerNats } from '@nestjs/microservices';
import { rpcSubject } from '@seatwise/shared/bus/subjects';

type NatsServerOptions = NonNullable<ConstructorParameters<typeof ServerNats>[0]>;

// Nest's NATS transport with every pattern served under `<prefix>.rpc.<pattern>`, so deployments (and
// test files) sharing one NATS server never answer each other's requests.
export class PrefixedNatsServer extends ServerNats {
  private readonly prefixedSubscriptions: Subscription[] = [];
  private boundClient: NatsConnection | null = null;

  constructor(
    private readonly prefix: string,
    private readonly natsOptions: NatsServerOptions,
  ) {
    super(natsOptions);
  }

  // Nest calls back (and so `startAllMicroservices` resolves) right after subscribing, before the server has
  // seen the SUBs: a request sent at once could meet "no responders". A flush round-trip confirms them first.
  override start(callback: (error?: unknown) => void): void {
    super.start((error?: unknown) => {
      if (error !== undefined || !this.boundClient) {
        callback(error);
        return;
      }
      this.boundClient.flush().then(
        () => {
          callback();
        },
        (flushError: unknown) => {
          callback(flushError);
        },
      );
    });
  }

  override bindEvents(client: NatsConnection): void {
    this.boundClient = client;
    const defaultQueue = this.natsOptions.queue;
    for (const [pattern, handler] of this.messageHandlers) {
      const queue = (handler.extras?.['queue'] as string | undefined) ?? defaultQueue;
      // Nest types the handler as a bare Function; it is (error, msg) => Promise<void>.
      const handle = this.getMessageHandler(pattern).bind(this) as (error: Error | null, msg: Msg) => Promise<void>;
      const subscription = client.subscribe(rpcSubject(this.prefix, pattern), {
        queue,
        callback: (error, msg) => void handle(error, msg),
      });
      this.prefixedSubscriptions.push(subscription);
    }
  }

  // Stop taking new requests first; Nest's close then waits its grace period and closes the client.
  override async close(): Promise<void> {
    for (const subscription of this.prefixedSubscriptions.splice(0)) subscription.unsubscribe();
    await super.close();
  }
}
