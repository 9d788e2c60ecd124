import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AlertChannelView } from '@seatwise/shared/contracts/alerts-channels';
import type { Page } from '@seatwise/shared/contracts/page';
import { harnessMailpit } from '@seatwise/testing/mailpit';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { type NodeProcess, startNode } from '@seatwise/testing/suites/run-node';
import { waitFor } from '@seatwise/testing/wait';
import { startGateway, type TestGateway } from '../../__fixtures__/gateway-fixture';
import { SEALING_ENV } from '../../__fixtures__/sealing-env';
import { Http } from '../../__fixtures__/http-client';

const ADMIN_KEY = `admin-${randomBytes(16).toString('hex')}`;
const SECRET = `whsec-${randomBytes(12).toString('hex')}`;
const BASE = '/api/v1/alerts/channels';
// The alerts service runs from its build (apps never import apps).
const ALERTS_MAIN = join(__dirname, '..', '..', '..', '..', 'alerts', 'dist', 'main.js');

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

// A customer's webhook endpoint: records what it gets, answers 204.
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('alert channels through the gateway (viewer reads, admin changes, bad input refused)', () => {
  let scope: TestScope;
  let alerts: NodeProcess;
  let gateway: TestGateway;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let api: Http;
  let viewer: Http;

  beforeAll(async () => {
    scope = createTestScope();
    receiver = await startReceiver();
    const mailpit = harnessMailpit();
    alerts = startNode(
      ALERTS_MAIN,
      serviceEnv(scope, {
        ...testEncryptionKeys(),
        ...SEALING_ENV,
        MONGO_DB: `${scope.dbName}_alerts`,
        LOG_LEVEL: 'warn',
        SEATWISE_OUTBOUND_ALLOW: new URL(receiver.url).host,
        ALERTS_SMTP_HOST: mailpit.smtpHost,
        ALERTS_SMTP_PORT: String(mailpit.smtpPort),
      }),
    );
    gateway = await startGateway(serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'info' }));
    api = new Http(gateway.url, ADMIN_KEY);
    viewer = api.as((await api.post<{ key: string }>('/api/v1/api-keys', { name: 'viewer', role: 'viewer' })).body.key);
    await waitFor(async () => (await api.get(BASE)).status === 200, {
      timeoutMs: 60_000,
      description: `alerts answering through the gateway (${alerts.output().slice(-400)})`,
    });
  });

  afterAll(async () => {
    await gateway.close();
    alerts.kill('SIGTERM');
    await alerts.exited;
    await new Promise((resolve) => receiver.server.close(resolve));
    await scope.cleanup();
  });

  const count = async () => (await viewer.get<Page<AlertChannelView>>(`${BASE}?limit=200`)).body.items.length;

  it('lets an admin create a webhook channel and a viewer read it, never with its secret', async () => {
    const created = await api.post<AlertChannelView>(BASE, {
      name: 'Ops bridge',
      kind: 'webhook',
      url: receiver.url,
      secret: SECRET,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'webhook', url: receiver.url, secretSet: true, enabled: true });
    const reads = [
      await viewer.get(BASE),
      await viewer.get(`${BASE}/${created.body.id}`),
      await viewer.get(`${BASE}?format=csv`),
      await api.patch(`${BASE}/${created.body.id}`, { secret: `${SECRET}-rotated` }),
    ];
    for (const read of [created, ...reads]) expect(read.text).not.toContain(SECRET);
    expect(reads.map((read) => read.status)).toEqual([200, 200, 200, 200]);
    expect(gateway.logs()).not.toContain(SECRET);
  });

  it('refuses changes from a viewer', async () => {
    const before = await count();
    const attempts = [
      await viewer.post(BASE, { name: 'x', kind: 'email', to: ['a@b.test'] }),
      await viewer.patch(`${BASE}/ach_any`, { name: 'y' }),
      await viewer.delete(`${BASE}/ach_any`),
      await viewer.post(`${BASE}/ach_any/test`, {}),
    ];
    for (const res of attempts) expect(res.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(await count()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown kind', { name: 'x', kind: 'sms', to: ['a@b.test'] }, 'COMMON.VALIDATION_FAILED'],
    ['an invalid URL', { name: 'x', kind: 'webhook', url: 'htp:/nope', secret: SECRET }, 'COMMON.VALIDATION_FAILED'],
    [
      'a host outside the outbound policy',
      { name: 'x', kind: 'webhook', url: 'https://10.0.0.7/h', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    [
      'a local port not allowed',
      { name: 'x', kind: 'webhook', url: 'http://127.0.0.1:9/h', secret: SECRET },
      'OUTBOUND.REFUSED',
    ],
    ['a negative board', { name: 'x', kind: 'ticket', boardId: -3 }, 'COMMON.VALIDATION_FAILED'],
    ['a bad recipient', { name: 'x', kind: 'email', to: ['nobody'] }, 'COMMON.VALIDATION_FAILED'],
  ])('refuses %s with a coded 400 and stores nothing', async (_what, body, code) => {
    const before = await count();
    const res = await api.post(BASE, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, code });
    expect(await count()).toBe(before);
  });

  it('sends a signed test through a webhook channel and answers how it went', async () => {
    const channel = (
      await api.post<AlertChannelView>(BASE, { name: 't', kind: 'webhook', url: receiver.url, secret: SECRET })
    ).body;
    const before = receiver.received.length;
    const res = await api.post<{ outcome: unknown }>(`${BASE}/${channel.id}/test`, {});
    expect(res.status).toBe(200);
    expect(res.body.outcome).toEqual({ ok: true, detail: 'HTTP 204' });
    const request = receiver.received[before];
    const timestamp = String(request?.headers['seatwise-timestamp']);
    const mac = createHmac('sha256', SECRET)
      .update(`${timestamp}.${request?.body ?? ''}`)
      .digest('hex');
    expect(request?.headers['seatwise-signature']).toBe(`v1=${mac}`);
  });

  it('answers 404 for an unknown channel and forgets a deleted one', async () => {
    expect((await viewer.get(`${BASE}/ach_missing`)).body).toMatchObject({
      status: 404,
      code: 'ALERTS.CHANNEL_NOT_FOUND',
    });
    const channel = (await api.post<AlertChannelView>(BASE, { name: 'gone', kind: 'ticket', boardId: 4 })).body;
    expect((await api.delete(`${BASE}/${channel.id}`)).body).toEqual({ deleted: true });
    expect((await viewer.get(`${BASE}/${channel.id}`)).status).toBe(404);
  });
});
