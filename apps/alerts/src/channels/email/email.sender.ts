import { Injectable } from '@nestjs/common';
import type { AlertNotification, ChannelSender, DeliveryOutcome } from '../channel-sender';
import type { ResolvedChannel } from '../resolved-channel';
import { wrongKind } from '../resolved-channel';
import { emailContent } from './email-content';
import { smtpFailureOf, smtpFailureOutcome } from './email-outcome';
import { SmtpTransport } from './smtp-transport';

// Email over SMTP: an HTML and a text body, a Message-ID stable per notification.
@Injectable()
export class EmailSender implements ChannelSender<ResolvedChannel> {
  readonly kind = 'email' as const;

  constructor(private readonly smtp: SmtpTransport) {}

  async send(channel: ResolvedChannel, notification: AlertNotification): Promise<DeliveryOutcome> {
    if (channel.kind !== 'email') return wrongKind(this.kind, channel);
    try {
      const response = await this.smtp.send({ ...emailContent(notification), to: channel.to });
      return { ok: true, detail: response.slice(0, 500) };
    } catch (error) {
      return smtpFailureOutcome(smtpFailureOf(error));
    }
  }
}
