import { createHmac } from 'node:crypto';
import { Clock } from '@seatwise/platform/clock/clock';
import { SystemHostResolver } from '@seatwise/platform/outbound/host-resolver';
import { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { envSchema } from '@seatwise/shared/config/alerts-env';
import { parseEnv } from '@seatwise/shared/config/env';
import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { createTestScope, serviceEnv } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { hostileAlert, notificationOf } from '../__fixtures__/notifications';
import { WebhookReceiver } from '../__fixtures__/webhook-receiver';
import type { ResolvedChannel } from '../resolved-channel';
import { WebhookHttp } from './webhook-http';
import { WebhookSender } from './webhook.sender';
import { verifyWebhook } from './webhook-signature';

const SECRET = 'whsec-integration-0123456789';

describe('webhook sender against a real HTTP receiver', () => {
  let receiver: WebhookReceiver;
  let sender: WebhookSender;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // The receiver's exact endpoint is allowed, as an operator allows a local receiver; nothing else on 127.0.0.1 is.
    const env = parseEnv(
      envSchema,
      serviceEnv(createTestScope(), {
        ...testEncryptionKeys(),
        SEATWISE_OUTBOUND_ALLOW: `127.0.0.1:${receiver.port}`,
        ALERTS_WEBHOOK_TIMEOUT_MS: '500',
      }),
    );
    const policy = new OutboundPolicy(
      { allowedEndpoints: env.SEATWISE_OUTBOUND_ALLOW, psaHosts: [] },
      new SystemHostResolver(),
    );
    sender = new WebhookSender(new WebhookHttp(policy, env), new Clock());
  });

  afterAll(async () => {
    await receiver.close();
  });

  const channel = (path: string, url = receiver.url(path)): ResolvedChannel => ({
    id: 'ach_1',
    name: 'receiver',
    kind: 'webhook',
    url,
    secret: SECRET,
  });

  it('POSTs the notification as JSON, signed so the receiver can verify it', async () => {
    const notification = notificationOf('alert_1.opened.ach_1', [hostileAlert()]);
    const outcome = await sender.send(channel('/ok'), notification);

    expect(outcome).toEqual({ ok: true, detail: 'HTTP 204' });
    const [request] = receiver.on('/ok');
    if (!request) throw new Error('the receiver got nothing');
    const timestamp = String(request.headers['seatwise-timestamp']);
    const signature = String(request.headers['seatwise-signature']);
    // The receiver's check, written out with node:crypto as a customer would, and the helper the README documents.
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request.body}`).digest('hex');
    expect(signature).toBe(`v1=${expected}`);
    expect(verifyWebhook(SECRET, { timestamp, signature }, request.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(request.headers['seatwise-delivery']).toBe('alert_1.opened.ach_1');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ version: 1, ...notification });
  });

  it.each([
    [500, true],
    [503, true],
    [408, true],
    [429, true],
    [400, false],
    [404, false],
    [410, false],
  ])('classifies HTTP %i as retryable=%s', async (status, retryable) => {
    receiver.answer(`/status-${status}`, { status });
    const outcome = await sender.send(channel(`/status-${status}`), notificationOf(`n-${status}`, [hostileAlert()]));
    expect(outcome).toEqual({ ok: false, retryable, code: DELIVERY_CODES.WEBHOOK_STATUS, detail: `HTTP ${status}` });
    expect(receiver.on(`/status-${status}`)).toHaveLength(1);
  });

  it('never follows a redirect: a 3xx is a final, non-retryable answer', async () => {
    receiver.answer('/moved', { status: 302, headers: { location: receiver.url('/target') } });
    const outcome = await sender.send(channel('/moved'), notificationOf('n-moved', [hostileAlert()]));
    expect(outcome).toMatchObject({ ok: false, retryable: false, detail: 'HTTP 302' });
    expect(receiver.on('/target')).toHaveLength(0);
  });

  it('gives up on a receiver that does not answer in time (retryable)', async () => {
    receiver.answer('/hang', 'hang');
    const outcome = await sender.send(channel('/hang'), notificationOf('n-hang', [hostileAlert()]));
    expect(outcome).toMatchObject({ ok: false, retryable: true, code: DELIVERY_CODES.WEBHOOK_TIMEOUT });
  });

  it('refuses a URL outside the outbound policy without calling it (not retryable)', async () => {
    const other = await WebhookReceiver.start();
    try {
      const outcome = await sender.send(channel('/x', other.url('/x')), notificationOf('n-refused', [hostileAlert()]));
      expect(outcome).toMatchObject({ ok: false, retryable: false, code: DELIVERY_CODES.WEBHOOK_REFUSED });
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('reports a receiver that is down as retryable', async () => {
    const gone = await WebhookReceiver.start();
    const url = gone.url('/down');
    await gone.close();
    const env = parseEnv(
      envSchema,
      serviceEnv(createTestScope(), { ...testEncryptionKeys(), SEATWISE_OUTBOUND_ALLOW: new URL(url).host }),
    );
    const policy = new OutboundPolicy(
      { allowedEndpoints: env.SEATWISE_OUTBOUND_ALLOW, psaHosts: [] },
      new SystemHostResolver(),
    );
    const downSender = new WebhookSender(new WebhookHttp(policy, env), new Clock());
    const outcome = await downSender.send(channel('/down', url), notificationOf('n-down', [hostileAlert()]));
    expect(outcome).toMatchObject({ ok: false, retryable: true, code: DELIVERY_CODES.WEBHOOK_NETWORK });
  });
});
