import type { AlertChannelKind } from '@seatwise/shared/contracts/alerts-channels';

// A channel as the dispatcher needs it: its kind (which sender), whether it may be used, and its configuration
// with secrets decrypted (handed to the sender only, never stored or returned by this service's reads).
export interface DeliverableChannel {
  id: string;
  kind: AlertChannelKind;
  enabled: boolean;
  config: unknown;
}

// What the rules and the dispatcher ask of the channels feature (apps/alerts/src/channels): rules check that the
// channels they name exist, the dispatcher loads one to send through it and disables one that keeps failing.
export abstract class ChannelDirectory {
  // The ids among these that name an existing channel.
  abstract existing(ids: readonly string[]): Promise<Set<string>>;
  abstract forDelivery(id: string): Promise<DeliverableChannel | null>;
  // Disables the channel and records why (shown on the channel); idempotent.
  abstract disable(id: string, reason: { code: string; detail: string }): Promise<void>;
}
