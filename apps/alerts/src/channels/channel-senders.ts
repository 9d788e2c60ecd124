import type { Provider } from '@nestjs/common';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import type { AlertNotification, ChannelSender, DeliveryOutcome } from './channel-sender';
import { EmailSender } from './email/email.sender';
import type { ResolvedChannel } from './resolved-channel';
import { TicketSender } from './ticket/ticket.sender';
import { WebhookSender } from './webhook/webhook.sender';

// Every sender, one per channel kind: the dispatcher picks by `kind` (channel-sender.ts).
export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');
export type ChannelSenders = readonly ChannelSender<ResolvedChannel>[];

export const channelSendersProvider: Provider = {
  provide: CHANNEL_SENDERS,
  useFactory: (webhook: WebhookSender, email: EmailSender, ticket: TicketSender): ChannelSenders => [
    webhook,
    email,
    ticket,
  ],
  inject: [WebhookSender, EmailSender, TicketSender],
};

// One attempt through the channel's sender. A sender never throws for a delivery failure (it answers an outcome);
// anything that still escapes is reported as a retryable outcome rather than lost.
export async function sendThrough(
  senders: ChannelSenders,
  channel: ResolvedChannel,
  notification: AlertNotification,
): Promise<DeliveryOutcome> {
  const sender = senders.find((s) => s.kind === channel.kind);
  if (!sender) {
    const detail = `No sender for ${channel.kind} channels`;
    return { ok: false, retryable: false, code: DELIVERY_CODES.CHANNEL_UNUSABLE, detail };
  }
  try {
    return await sender.send(channel, notification);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, retryable: true, code: DELIVERY_CODES.CHANNEL_UNUSABLE, detail: detail.slice(0, 500) };
  }
}
