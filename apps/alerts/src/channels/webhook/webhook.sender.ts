import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { AlertNotification, ChannelSender, DeliveryOutcome } from '../channel-sender';
import { type ResolvedChannel, wrongKind } from '../resolved-channel';
import { webhookBody } from './webhook-body';
import { WebhookHttp } from './webhook-http';
import { callFailureOutcome, statusOutcome } from './webhook-outcome';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';

// A signed JSON POST (see README.md beside this file for what a receiver checks).
@Injectable()
export class WebhookSender implements ChannelSender<ResolvedChannel> {
  readonly kind = 'webhook' as const;

  constructor(
    private readonly http: WebhookHttp,
    private readonly clock: Clock,
  ) {}

  async send(channel: ResolvedChannel, notification: AlertNotification): Promise<DeliveryOutcome> {
    if (channel.kind !== 'webhook') return wrongKind(this.kind, channel);
    const body = webhookBody(notification);
    // Signed per attempt: a retry carries a fresh timestamp, so receivers can keep a short replay window.
    const timestamp = Math.floor(this.clock.nowMs() / 1_000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Seatwise-Alerts/1',
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(channel.secret, timestamp, body),
      [WEBHOOK_HEADERS.delivery]: notification.id,
    };
    try {
      return statusOutcome(await this.http.post(channel.url, headers, body));
    } catch (error) {
      return callFailureOutcome(error);
    }
  }
}
