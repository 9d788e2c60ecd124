import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Problem } from '@seatwise/shared/contracts/gateway-api';
import type { HttpResult } from './__fixtures__/http-client';
import { type Stack, startStack } from './__fixtures__/stack';

const ADMIN_KEY = `boot-${randomBytes(20).toString('hex')}`;
const SECRET = 'whsec-0123456789abcdef';
const KEYS = { SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` };

// Counts every connection made to it, on 127.0.0.1 and ::1 alike (dual-stack): the services must never reach it.
async function startSink(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '::', ipv6Only: false }, resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

// An operator-allowed loopback endpoint that answers every request with `answer` (a redirect to the sink, or an
// oversized body).
async function startAllowed(answer: (res: import('node:http').ServerResponse) => void): Promise<{
  server: HttpServer;
  url: string;
}> {
  const server = createHttpServer((req, res) => {
    req.resume();
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// The sink's port in the spellings of loopback a policy must see through: IPv4 shorthand and other radixes,
// IPv6 and mapped forms, names, trailing dots, user info, fragments and look-alike Duo hosts.
function loopbackTargets(port: number): string[] {
  const hosts = [
    '127.0.0.1',
    '127.1',
    '127.0.1',
    '2130706433',
    '0x7f000001',
    '0x7f.0.0.1',
    '0177.0.0.1',
    '017700000001',
    '127.000.000.001',
    '127.0.0.2',
    '127.255.255.254',
    '0.0.0.0',
    '0',
    'localhost',
    'LOCALHOST',
    'localhost.',
    '127.0.0.1.',
    '[::1]',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::]',
    '[0000::1]',
  ];
  return [
    ...hosts.flatMap((host) => [`${host}:${port}`, `http://${host}:${port}`, `https://${host}:${port}`]),
    `http://user@127.0.0.1:${port}`,
    `http://api-12345678.duosecurity.com@127.0.0.1:${port}`,
    `http://127.0.0.1:${port}#@api-12345678.duosecurity.com`,
    `http://127.0.0.1:${port}/.duosecurity.com`,
    `http://127.0.0.1:${port}\\@api-12345678.duosecurity.com`,
    `http://127.0.0.1%3A${port}`,
    ` http://127.0.0.1:${port}`,
  ];
}

// Each kind of outbound call a user can aim through the gateway, and the request that aims it at `target`.
const AIMS: Record<string, (target: string) => { path: string; body: Record<string, unknown> }> = {
  'Duo integration': (apiHostname) => ({
    path: '/api/v1/integrations',
    body: {
      name: 'probe',
      kind: 'admin',
      apiHostname,
      integrationKey: 'DIXXXXXXXXXXXXXXXXXX',
      secretKey: 'x'.repeat(40),
    },
  }),
  'ConnectWise connection': (siteUrl) => ({
    path: '/api/v1/psa/connections',
    body: { name: 'cw', kind: 'connectwise', siteUrl, companyId: 'c', publicKey: 'p', privateKey: 'k', clientId: 'i' },
  }),
  'HaloPSA connection': (resourceUrl) => ({
    path: '/api/v1/psa/connections',
    body: { name: 'halo', kind: 'halopsa', resourceUrl, clientId: 'i', clientSecret: 's' },
  }),
  'Autotask connection': (zoneDiscoveryUrl) => ({
    path: '/api/v1/psa/connections',
    body: { name: 'at', kind: 'autotask', zoneDiscoveryUrl, userName: 'u', secret: 's', integrationCode: 'c' },
  }),
  'webhook channel': (url) => ({
    path: '/api/v1/alerts/channels',
    body: { name: 'hook', kind: 'webhook', url, secret: SECRET },
  }),
};

// The loopback half of the outbound corpus (the policy's own unit corpus covers the rest without sockets): every
// destination a user can set, aimed at a listening loopback sink in every spelling, through the gateway to the
// running connector, reconcile and alerts. Every attempt is refused with a 4xx that names the rule (or the field
// the contract refuses first), and the sink sees no connection at all: not even a probe.
describe('outbound calls aimed at loopback through the gateway', () => {
  let stack: Stack;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let redirecting: Awaited<ReturnType<typeof startAllowed>>;
  let oversized: Awaited<ReturnType<typeof startAllowed>>;

  beforeAll(async () => {
    sink = await startSink();
    redirecting = await startAllowed((res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${sink.port}/` }).end();
    });
    oversized = await startAllowed((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent >= 64) res.end();
        else res.once('drain', more);
      };
      more();
    });
    stack = await startStack({
      adminKey: ADMIN_KEY,
      duo: { seed: 'outbound-corpus', accounts: 1, usersPerAccount: 1, events: 0, apps: 1 },
      // The two allowed endpoints stand for a simulator the operator allows by exact host:port.
      simulators: [redirecting.url, oversized.url],
      upstreams: { 'duo-connector': KEYS, reconcile: KEYS, alerts: KEYS },
      // Hundreds of refusals in a row from one key: the per-key rate limit is not what is under test.
      gatewayEnv: { GATEWAY_RATE_LIMIT_BURST: '100000', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000' },
      ready: {
        paths: ['/api/v1/integrations', '/api/v1/psa/connections', '/api/v1/alerts/channels'],
        timeoutMs: 60_000,
      },
    });
  });

  afterAll(async () => {
    await stack.stop();
    for (const server of [sink.server, redirecting.server, oversized.server]) {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const problemOf = (answer: HttpResult): Problem => answer.body as Problem;

  it('refuses every loopback spelling of every destination with a 4xx naming why, and never connects', async () => {
    const refusals = new Map<string, number>();
    let attempts = 0;
    for (const [kind, aim] of Object.entries(AIMS)) {
      for (const target of loopbackTargets(sink.port)) {
        const { path, body } = aim(target);
        const answer = await stack.api.post(path, body);
        attempts++;
        const problem = problemOf(answer);
        const what = `${kind} at ${JSON.stringify(target)}: ${answer.status} ${answer.text.slice(0, 300)}`;
        expect({ what, client: answer.status >= 400 && answer.status < 500 }).toEqual({ what, client: true });
        expect({ what, code: ['COMMON.VALIDATION_FAILED', 'OUTBOUND.REFUSED'].includes(problem.code) }).toEqual({
          what,
          code: true,
        });
        if (problem.code === 'OUTBOUND.REFUSED') {
          expect(problem.detail).toMatch(/refused by rule [a-z-]+/);
          // The refusal names the rule, never the address it was aimed at.
          expect(problem.detail).not.toContain(String(sink.port));
        }
        refusals.set(problem.code, (refusals.get(problem.code) ?? 0) + 1);
      }
    }
    expect(attempts).toBeGreaterThanOrEqual(300);
    // Most spellings pass the contract's syntax and must be refused by the policy itself.
    expect(refusals.get('OUTBOUND.REFUSED') ?? 0).toBeGreaterThanOrEqual(100);
    expect(sink.connections()).toBe(0);
  });

  it('follows no redirect from an allowed endpoint to the sink, and cuts off an oversized answer', async () => {
    const redirected = [
      await stack.api.post('/api/v1/integrations', AIMS['Duo integration']?.(redirecting.url).body),
      await stack.api.post('/api/v1/psa/connections', AIMS['ConnectWise connection']?.(redirecting.url).body),
    ];
    const tooLarge = [
      await stack.api.post('/api/v1/integrations', AIMS['Duo integration']?.(oversized.url).body),
      await stack.api.post('/api/v1/psa/connections', AIMS['ConnectWise connection']?.(oversized.url).body),
    ];
    const channel = await stack.api.post<{ id: string }>('/api/v1/alerts/channels', {
      name: 'redirecting hook',
      kind: 'webhook',
      url: `${redirecting.url}/hook`,
      secret: SECRET,
    });
    expect(channel.status).toBe(201);
    const test = await stack.api.post(`/api/v1/alerts/channels/${channel.body.id}/test`, {});
    for (const answer of [...redirected, ...tooLarge, test]) {
      expect(answer.status).toBeLessThan(500);
      // The user's own URL may be echoed; where the redirect pointed (the sink) never is.
      expect(answer.text).not.toContain(String(sink.port));
    }
    expect(JSON.stringify([...redirected, test].map((a) => a.body))).toContain('redirect');
    expect(JSON.stringify(tooLarge.map((a) => a.body))).toMatch(/RESPONSE_TOO_LARGE|exceeded/);
    expect(sink.connections()).toBe(0);
  });
});
