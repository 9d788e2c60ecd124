import { randomBytes } from 'node:crypto';
import { harnessMailpit, MailpitClient } from '@seatwise/testing/mailpit';
import { waitFor } from '@seatwise/testing/wait';
import type { ReceivedWebhook } from './webhook-receiver';

// The alerts service sends email to the harness's Mailpit: its SMTP address as the service's settings.
export function mailpitSmtpEnv(): Record<string, string> {
  const { smtpHost, smtpPort } = harnessMailpit();
  return { ALERTS_SMTP_HOST: smtpHost, ALERTS_SMTP_PORT: String(smtpPort) };
}

// One recipient of a spec's own in the harness's Mailpit (shared by every spec file), read back through its API.
// A notification is known by `<alertId>.<kind>`: the email's Message-ID is `<alertId>.<kind>.<channelId>@…`,
// the webhook's body id is the same delivery id, so both channels can be compared notification by notification.
export class AlertInbox {
  readonly address = `alerts-${randomBytes(5).toString('hex')}@msp.test`;
  private readonly client = new MailpitClient(harnessMailpit().httpUrl);

  // Every notification mailed to this recipient, one entry per message (a repeat shows twice).
  async notifications(): Promise<string[]> {
    const messages = await this.client.search(`to:"${this.address}"`);
    return messages
      .map((m) => notificationKey(m.MessageID.replace(/^</, '').replace(/@alerts\.seatwise>?$/, '')))
      .sort();
  }

  // Waits until the mailbox holds exactly what the webhook receiver was sent (read once more after it matched, so a
  // late repeat would still show).
  async awaitSameAs(webhooks: ReceivedWebhook[]): Promise<string[]> {
    const expected = webhooks.map((hook) => notificationKey(hook.body.id)).sort();
    await waitFor(async () => (await this.notifications()).length >= expected.length, {
      description: `${expected.length} email notification(s) in Mailpit for ${this.address}`,
      timeoutMs: 30_000,
    });
    return this.notifications();
  }
}

// `<alertId>.<kind>.<channelId>` without its channel.
export function notificationKey(deliveryId: string): string {
  return deliveryId.split('.').slice(0, 2).join('.');
}
