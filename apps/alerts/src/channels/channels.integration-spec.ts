import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { rpcSubject } from '@seatwise/shared/bus/subjects';
import type { RpcName, RpcRequest } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { errorSpec, type ErrorCode } from '@seatwise/shared/errors/error-catalog';
import { harnessMailpit, MailpitClient } from '@seatwise/testing/mailpit';
import { type ChannelsApp, startChannelsApp } from './__fixtures__/channels-app';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';
import { verifyWebhook } from './webhook/webhook-signature';

const SECRET = `whsec-${randomBytes(12).toString('hex')}`;

describe('alert channels over RPC (CRUD, bad input, secrets, send test)', () => {
  let app: ChannelsApp;
  let receiver: WebhookReceiver;
  let db: mongoose.Connection;
  const inbox = new MailpitClient(harnessMailpit().httpUrl);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    app = await startChannelsApp({ SEATWISE_OUTBOUND_ALLOW: `127.0.0.1:${receiver.port}` });
    db = await mongoose.createConnection(app.scope.mongoUrl, { dbName: app.scope.dbName }).asPromise();
  });

  afterAll(async () => {
    await db.close();
    await app.close();
    await receiver.close();
  });

  const call = <K extends RpcName>(name: K, payload: RpcRequest<K>) => app.rpc.request(name, payload);
  const channelsCollection = () => db.collection<{ _id: string; secret?: unknown }>('alert_channels');
  const storedCount = () => channelsCollection().countDocuments();

  // The coded error of a refused call; its catalog status is what the gateway answers.
  async function refusal(promise: Promise<unknown>): Promise<{ code: ErrorCode; status: number }> {
    const error: unknown = await promise.then(
      () => new Error('expected a refusal'),
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, status: errorSpec(error.code).status };
  }

  it('creates a webhook channel: the secret is stored encrypted and never answered', async () => {
    const created = await call('alerts.channels.create', {
      name: 'PagerDuty bridge',
      kind: 'webhook',
      url: receiver.url('/hooks/seatwise'),
      secret: SECRET,
      actor: 'spec',
    });
    expect(created).toMatchObject({ kind: 'webhook', url: receiver.url('/hooks/seatwise'), secretSet: true });
    expect(created).toMatchObject({ enabled: true, disabledReason: null });

    const answers: unknown[] = [
      created,
      await call('alerts.channels.get', { id: created.id }),
      await call('alerts.channels.list', {}),
      await call('alerts.channels.update', { id: created.id, name: 'Renamed', secret: `${SECRET}-2`, actor: 'spec' }),
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(SECRET);

    const stored = await channelsCollection().findOne({ _id: created.id });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(stored?.secret).toMatchObject({
      keyId: 'k1',
      iv: expect.any(String) as string,
      data: expect.any(String) as string,
    });
  });

  // Guard check: with ChannelSettings.allowedUrl returning the URL unchecked (the outbound policy bypassed), the five
  // OUTBOUND.REFUSED cases below and the refused-change spec fail (tried, then restored).
  it.each<[string, Record<string, unknown>, ErrorCode]>([
    ['an unknown kind', { kind: 'sms', name: 'x', to: ['a@b.test'] }, 'COMMON.VALIDATION_FAILED'],
    ['no kind', { name: 'x', url: 'https://hooks.example.com/x', secret: SECRET }, 'COMMON.VALIDATION_FAILED'],
    ['an invalid URL', { kind: 'webhook', name: 'x', url: 'not a url', secret: SECRET }, 'COMMON.VALIDATION_FAILED'],
    [
      'an ftp URL',
      { kind: 'webhook', name: 'x', url: 'ftp://files.example.com/x', secret: SECRET },
      'COMMON.VALIDATION_FAILED',
    ],
    [
      'credentials in the URL',
      { kind: 'webhook', name: 'x', url: 'https://u:p@hooks.example.com/', secret: SECRET },
      'COMMON.VALIDATION_FAILED',
    ],
    [
      'a short secret',
      { kind: 'webhook', name: 'x', url: 'https://hooks.example.com/x', secret: 'short' },
      'COMMON.VALIDATION_FAILED',
    ],
    [
      'a loopback port not allowed',
      { kind: 'webhook', name: 'x', url: 'http://127.0.0.1:9/x', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    [
      'a private address',
      { kind: 'webhook', name: 'x', url: 'https://10.1.2.3/hook', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    [
      'a metadata address',
      { kind: 'webhook', name: 'x', url: 'https://169.254.169.254/latest', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    [
      'an internal name',
      { kind: 'webhook', name: 'x', url: 'https://billing.internal/hook', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    [
      'plain http to a public host',
      { kind: 'webhook', name: 'x', url: 'http://hooks.example.com/x', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    ['a bad email address', { kind: 'email', name: 'x', to: ['not-an-address'] }, 'COMMON.VALIDATION_FAILED'],
    ['no recipients', { kind: 'email', name: 'x', to: [] }, 'COMMON.VALIDATION_FAILED'],
    ['a negative board', { kind: 'ticket', name: 'x', boardId: -1 }, 'COMMON.VALIDATION_FAILED'],
    [
      'a field of another kind',
      { kind: 'ticket', name: 'x', boardId: 3, url: 'https://hooks.example.com' },
      'COMMON.VALIDATION_FAILED',
    ],
  ])('refuses %s with a coded 4xx and stores nothing', async (_what, body, code) => {
    const before = await storedCount();
    // Sent around the typed client (which would refuse it first): the service itself must refuse it.
    const packet = {
      pattern: 'alerts.channels.create',
      data: { ...body, actor: 'spec' },
      id: randomBytes(4).toString('hex'),
    };
    const sent = await app.nc.request(
      rpcSubject(app.scope.busPrefix, 'alerts.channels.create'),
      JSON.stringify(packet),
    );
    const reply = sent.json<{ err?: { code: ErrorCode } }>();
    expect(reply.err?.code).toBe(code);
    expect(errorSpec(code).status).toBeGreaterThanOrEqual(400);
    expect(errorSpec(code).status).toBeLessThan(500);
    expect(await storedCount()).toBe(before);
  });

  it('refuses a change with another kind’s field or a refused URL, and keeps the channel as it was', async () => {
    const channel = await call('alerts.channels.create', {
      name: 'Board 5',
      kind: 'ticket',
      boardId: 5,
      actor: 'spec',
    });
    expect(await refusal(call('alerts.channels.update', { id: channel.id, to: ['a@b.test'], actor: 'spec' }))).toEqual({
      code: 'COMMON.VALIDATION_FAILED',
      status: 400,
    });
    const hook = await call('alerts.channels.create', {
      name: 'hook',
      kind: 'webhook',
      url: receiver.url('/a'),
      secret: SECRET,
      actor: 'spec',
    });
    expect(
      await refusal(call('alerts.channels.update', { id: hook.id, url: 'https://192.168.1.1/x', actor: 'spec' })),
    ).toEqual({ code: 'OUTBOUND.REFUSED', status: 400 });
    expect(await call('alerts.channels.get', { id: channel.id })).toEqual(channel);
    expect(await call('alerts.channels.get', { id: hook.id })).toEqual(hook);
  });

  it('answers a coded 404 for an unknown channel', async () => {
    const attempts = [
      () => call('alerts.channels.get', { id: 'ach_missing' }),
      () => call('alerts.channels.update', { id: 'ach_missing', name: 'x', actor: 'spec' }),
      () => call('alerts.channels.delete', { id: 'ach_missing', actor: 'spec' }),
      () => call('alerts.channels.test', { id: 'ach_missing', actor: 'spec' }),
    ];
    for (const attempt of attempts) {
      expect(await refusal(attempt())).toEqual({ code: 'ALERTS.CHANNEL_NOT_FOUND', status: 404 });
    }
  });

  it('sends a signed test through a webhook channel', async () => {
    const hook = await call('alerts.channels.create', {
      name: 'test hook',
      kind: 'webhook',
      url: receiver.url('/test-hook'),
      secret: SECRET,
      actor: 'spec',
    });
    const { outcome } = await call('alerts.channels.test', { id: hook.id, actor: 'spec' });
    expect(outcome).toEqual({ ok: true, detail: 'HTTP 204' });
    const [request] = receiver.on('/test-hook');
    expect(
      verifyWebhook(
        SECRET,
        {
          timestamp: String(request?.headers['seatwise-timestamp']),
          signature: String(request?.headers['seatwise-signature']),
        },
        request?.body ?? '',
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      kind: 'opened',
      alerts: [{ title: 'Seatwise test notification' }],
    });
  });

  it('sends a test email through an email channel to Mailpit', async () => {
    const to = `test-${randomBytes(4).toString('hex')}@msp.test`;
    const mail = await call('alerts.channels.create', {
      name: 'ops',
      kind: 'email',
      to: [to.toUpperCase()],
      actor: 'spec',
    });
    expect(mail).toMatchObject({ kind: 'email', to: [to] });
    const { outcome } = await call('alerts.channels.test', { id: mail.id, actor: 'spec' });
    expect(outcome.ok).toBe(true);
    const [message] = await inbox.awaitMessages(`to:"${to}"`, 1);
    expect(message?.Subject).toBe('[Seatwise] Alert: Seatwise test notification');
  });

  it('reports a failing test as its outcome, without changing the channel', async () => {
    receiver.answer('/broken', { status: 410 });
    const hook = await call('alerts.channels.create', {
      name: 'broken',
      kind: 'webhook',
      url: receiver.url('/broken'),
      secret: SECRET,
      enabled: false,
      actor: 'spec',
    });
    const { outcome } = await call('alerts.channels.test', { id: hook.id, actor: 'spec' });
    expect(outcome).toEqual({ ok: false, retryable: false, code: 'WEBHOOK.STATUS', detail: 'HTTP 410' });
    expect(await call('alerts.channels.get', { id: hook.id })).toEqual(hook);
  });

  it('gives the dispatcher the decrypted channel, disables it with a reason, and enabling again clears it', async () => {
    const hook = await call('alerts.channels.create', {
      name: 'flaky',
      kind: 'webhook',
      url: receiver.url('/flaky'),
      secret: SECRET,
      actor: 'spec',
    });
    expect(await app.directory.forDelivery(hook.id)).toEqual({
      id: hook.id,
      kind: 'webhook',
      enabled: true,
      config: { id: hook.id, name: 'flaky', kind: 'webhook', url: receiver.url('/flaky'), secret: SECRET },
    });
    expect(await app.directory.existing([hook.id, 'ach_missing'])).toEqual(new Set([hook.id]));
    expect(await app.directory.forDelivery('ach_missing')).toBeNull();

    await app.directory.disable(hook.id, { code: 'WEBHOOK.STATUS', detail: 'HTTP 500' });
    // A second report keeps the first reason.
    await app.directory.disable(hook.id, { code: 'WEBHOOK.TIMEOUT', detail: 'later' });
    const disabled = await call('alerts.channels.get', { id: hook.id });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'WEBHOOK.STATUS: HTTP 500' });
    expect(disabled.disabledAt).not.toBeNull();

    const enabled = await call('alerts.channels.update', { id: hook.id, enabled: true, actor: 'spec' });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
  });

  it('deletes a channel', async () => {
    const channel = await call('alerts.channels.create', { name: 'gone', kind: 'ticket', boardId: 9, actor: 'spec' });
    expect(await call('alerts.channels.delete', { id: channel.id, actor: 'spec' })).toEqual({ deleted: true });
    expect(await refusal(call('alerts.channels.get', { id: channel.id }))).toMatchObject({ status: 404 });
  });
});
