import { DELIVERY_CODES, type AlertChannelKind } from '@seatwise/shared/contracts/alerts-channels';
import type { DeliveryOutcome } from './channel-sender';

// A channel as a sender uses it: its settings with the secret decrypted. Lives in memory only, for one delivery;
// never stored, logged or answered.
export type ResolvedChannel =
  | { id: string; name: string; kind: 'webhook'; url: string; secret: string }
  | { id: string; name: string; kind: 'email'; to: string[] }
  | { id: string; name: string; kind: 'ticket'; boardId: number };

// A channel handed to the sender of another kind: the dispatcher's mistake, which no retry fixes.
export function wrongKind(expected: AlertChannelKind, channel: ResolvedChannel): DeliveryOutcome {
  return {
    ok: false,
    retryable: false,
    code: DELIVERY_CODES.CHANNEL_UNUSABLE,
    detail: `The ${expected} sender was given ${channel.kind} channel ${channel.id}`,
  };
}
