import { randomBytes } from 'node:crypto';
import { envSchema } from '@seatwise/shared/config/alerts-env';
import { parseEnv } from '@seatwise/shared/config/env';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { freePort } from '@seatwise/infra/ports';
import { harnessMailpit, MailpitClient } from '@seatwise/testing/mailpit';
import { createTestScope, serviceEnv } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { hostileAlert, notificationOf } from '../__fixtures__/notifications';
import { EmailSender } from './email.sender';
import { SmtpTransport } from './smtp-transport';

function transportTo(host: string, port: number): SmtpTransport {
  const env = parseEnv(
    envSchema,
    serviceEnv(createTestScope(), {
      ...testEncryptionKeys(),
      ALERTS_SMTP_HOST: host,
      ALERTS_SMTP_PORT: String(port),
      ALERTS_SMTP_TIMEOUT_MS: '2000',
    }),
  );
  return new SmtpTransport(env);
}

describe('email sender through the harness Mailpit (real SMTP)', () => {
  const mailpit = harnessMailpit();
  const inbox = new MailpitClient(mailpit.httpUrl);
  const smtp = transportTo(mailpit.smtpHost, mailpit.smtpPort);
  const sender = new EmailSender(smtp);
  // Recipients of this file only: the harness's Mailpit is shared by every spec file.
  const tag = randomBytes(4).toString('hex');
  const to = [`ops-${tag}@msp.test`, `noc-${tag}@msp.test`];
  const channel = { id: 'ach_mail', name: 'ops', kind: 'email' as const, to };

  afterAll(() => {
    smtp.onModuleDestroy();
  });

  it('delivers subject, recipients, a text body and an HTML body with everything escaped', async () => {
    const notification = notificationOf(`alert_${tag}.opened.ach_mail`, [hostileAlert()]);
    const outcome = await sender.send(channel, notification);
    expect(outcome).toMatchObject({ ok: true });

    const [message] = await inbox.awaitMessages(`to:"${to[0]}"`, 1);
    if (!message) throw new Error('no message');
    expect(message.Subject).toBe(
      '[Seatwise] Alert: Sync failing for <script>alert(1)</script> — Acme & <Sons> "Ltd" — Zürich (DA123)',
    );
    expect(message.To.map((a) => a.Address).sort()).toEqual([...to].sort());
    expect(message.MessageID).toBe(`alert_${tag}.opened.ach_mail@alerts.seatwise`);
    // Text: the data as it is (SMTP carries CRLF line ends).
    const text = message.Text.replace(/\r\n/g, '\n');
    expect(text).toContain('Sync failing for <script>alert(1)</script>');
    expect(text).toContain("Duo answered 40103 'invalid signature'\nsince 10:00 & still failing");
    expect(text).toContain('Account: Acme & <Sons> "Ltd" — Zürich (DA123)');
    expect(text).toContain('errorCode: CONNECTOR.DUO_UNAUTHORIZED');
    // HTML: no markup from the data survives, only its escaped text.
    expect(message.HTML).not.toContain('<script>');
    expect(message.HTML).not.toContain('<Sons>');
    expect(message.HTML).toContain('Sync failing for &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.HTML).toContain('Acme &amp; &lt;Sons&gt; &quot;Ltd&quot; — Zürich (DA123)');
    expect(message.HTML).toContain('Duo answered 40103 &#39;invalid signature&#39;');
  });

  it('sends a digest of several alerts as one message listing each', async () => {
    const digestTo = [`digest-${tag}@msp.test`];
    const alerts = [
      hostileAlert(),
      hostileAlert({ alertId: 'alert_2', title: 'No logs from Beta', accountId: 'DA456', accountName: 'Beta' }),
    ];
    const outcome = await sender.send({ ...channel, to: digestTo }, notificationOf(`digest_${tag}`, alerts, 'digest'));
    expect(outcome).toMatchObject({ ok: true });
    const [message] = await inbox.awaitMessages(`to:"${digestTo[0]}"`, 1);
    expect(message?.Subject).toBe('[Seatwise] Digest: 2 alerts');
    expect(message?.Text).toContain('No logs from Beta');
    expect(message?.HTML).toContain('No logs from Beta');
  });

  it('reports an SMTP server that cannot be reached as retryable', async () => {
    const closed = transportTo('127.0.0.1', await freePort());
    try {
      const outcome = await new EmailSender(closed).send(channel, notificationOf(`down_${tag}`, [hostileAlert()]));
      expect(outcome).toMatchObject({ ok: false, retryable: true, code: DELIVERY_CODES.EMAIL_NETWORK });
    } finally {
      closed.onModuleDestroy();
    }
  });
});
