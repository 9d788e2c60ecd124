import { Injectable } from '@nestjs/common';
import type { AlertNotification, ChannelSender, DeliveryOutcome } from '../channel-sender';
import { type ResolvedChannel, wrongKind } from '../resolved-channel';
import { ReconcileTickets } from './reconcile-tickets';
import { ticketRequests } from './ticket-content';
import { ticketFailureOutcome } from './ticket-outcome';

// A ConnectWise service ticket on the channel's board, for the PSA company the alert's account is mapped to (reconcile
// files it). Notifications about no account file nothing: that is a success, not a failure that would count towards
// disabling the channel.
@Injectable()
export class TicketSender implements ChannelSender<ResolvedChannel> {
  readonly kind = 'ticket' as const;

  constructor(private readonly tickets: ReconcileTickets) {}

  async send(channel: ResolvedChannel, notification: AlertNotification): Promise<DeliveryOutcome> {
    if (channel.kind !== 'ticket') return wrongKind(this.kind, channel);
    const requests = ticketRequests(notification, channel.boardId);
    if (requests.length === 0) return { ok: true, detail: 'not about an account: no ticket filed' };
    const filed: string[] = [];
    // In order, stopping at the first failure: the retry files the rest (the ones filed answer created: false).
    for (const request of requests) {
      try {
        const ticket = await this.tickets.create(request);
        filed.push(`#${ticket.ticketId}${ticket.created ? '' : ' (already filed)'} for ${request.accountId}`);
      } catch (error) {
        return ticketFailureOutcome(error);
      }
    }
    return { ok: true, detail: `ticket ${filed.join(', ')}` };
  }
}
