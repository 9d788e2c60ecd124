import type { Subscription } from '@nats-io/transport-node';
import { broadcastSubject } from '@seatwise/shared/bus/subjects';
import { type BroadcastName, broadcasts } from '@seatwise/shared/contracts/broadcasts';
import type { Logger } from '@seatwise/shared/logging/logger';
import { jsonOrUndefined } from '@seatwise/shared/validation/parse';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import type { z } from 'zod';
import type { BusConnection } from './bus-connection';

export type BroadcastMessage<B extends BroadcastName> = z.output<(typeof broadcasts)[B]['schema']>;

export interface BroadcastChannelOptions {
  prefix: string;
  // ServiceInfo.instanceId of this replica: its own messages, which NATS echoes back, are not delivered to it.
  instanceId: string;
  // What the service does without the channel, for the warnings (e.g. 'limiting per replica').
  fallback: string;
  logger: Logger;
}

// One core-NATS broadcast among the replicas of a service (contracts/broadcasts.ts): every message is validated
// against its contract, the sender's own echo is dropped, and nothing ever fails because of the bus. A message
// is best effort by design: a replica that is down or disconnected misses it and falls back (`fallback`).
export class BroadcastChannel<B extends BroadcastName> {
  private readonly subject: string;
  private subscription: Subscription | null = null;

  constructor(
    private readonly bus: BusConnection,
    private readonly name: B,
    private readonly options: BroadcastChannelOptions,
  ) {
    this.subject = broadcastSubject(options.prefix, name);
  }

  // Calls `receive` with each valid message of the other replicas.
  listen(receive: (message: BroadcastMessage<B>) => void): void {
    // Indexed by a generic name, the registry's union of schemas loses its pairing with B; it is B's own schema.
    const schema = broadcasts[this.name].schema as unknown as z.ZodType<BroadcastMessage<B>>;
    try {
      this.subscription = this.bus.nc.subscribe(this.subject, {
        callback: (error, message) => {
          if (error) {
            this.options.logger.warn({ err: error }, `${this.name} broadcasts stopped; ${this.options.fallback}`);
            return;
          }
          const parsed = schema.safeParse(jsonOrUndefined(message.string()));
          if (!parsed.success) {
            this.options.logger.warn(
              { subject: this.subject, reason: formatIssues(parsed.error) },
              `${this.name} broadcast dropped`,
            );
          } else if (senderOf(parsed.data) !== this.options.instanceId) receive(parsed.data);
        },
      });
    } catch (error) {
      this.options.logger.warn({ err: error }, `${this.name} broadcasts unavailable; ${this.options.fallback}`);
    }
  }

  close(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  // Publishes unless NATS is unreachable (a message that old would only mislead the others late, and the
  // reconnect buffer is not the place for it); false when not sent.
  send(message: BroadcastMessage<B>): boolean {
    if (!this.bus.isConnected()) return false;
    try {
      this.bus.nc.publish(this.subject, JSON.stringify(message));
      return true;
    } catch (error) {
      this.options.logger.warn({ err: error }, `${this.name} not broadcast; ${this.options.fallback}`);
      return false;
    }
  }
}

// Every broadcast's contract carries the sender's instanceId (contracts/broadcasts.ts).
function senderOf(message: { instanceId: string }): string {
  return message.instanceId;
}
