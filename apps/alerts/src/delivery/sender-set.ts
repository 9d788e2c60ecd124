import type { AlertChannelKind } from '@seatwise/shared/contracts/alerts-channels';
import type { ChannelSender } from '../channels/channel-sender';

// The senders by kind. The channel configuration each takes is the one ChannelDirectory loads for its kind, so
// the dispatcher hands it over without knowing its shape.
export class SenderSet {
  private readonly byKind: ReadonlyMap<AlertChannelKind, ChannelSender<unknown>>;

  constructor(senders: readonly ChannelSender<unknown>[]) {
    this.byKind = new Map(senders.map((sender) => [sender.kind, sender]));
  }

  of(kind: AlertChannelKind): ChannelSender<unknown> | null {
    return this.byKind.get(kind) ?? null;
  }
}
