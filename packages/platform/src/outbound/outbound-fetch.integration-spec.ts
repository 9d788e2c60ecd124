import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostResolver, type ResolvedAddress } from './host-resolver';
import { outboundFetch, type OutboundLimits } from './outbound-fetch';
import { OutboundError } from './outbound-error';
import { OutboundPolicy } from './outbound-policy';

// Guarded requests against servers on 127.0.0.1 only. Every URL below names a loopback address or a name the
// table resolver maps to one (it knows no other), so even with a guard broken no packet leaves loopback: a broken
// guard shows as a connection counted on a server that must see none.

interface Loopback {
  server: Server;
  port: number;
  connections: number;
  requests: IncomingMessage[];
}

async function loopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const state = { connections: 0, requests: [] as IncomingMessage[] };
  const server = createServer((req, res) => {
    state.requests.push(req);
    handler(req, res);
  });
  server.on('connection', () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, { server, port });
}

class LoopbackResolver extends HostResolver {
  readonly asked: string[] = [];
  private readonly answers: Record<string, string[]> = {
    'sim.test': ['127.0.0.1'],
    'hooks.acme.com': ['127.0.0.1'],
    'v6.acme.com': ['::1'],
  };
  lookup(hostname: string): Promise<ResolvedAddress[]> {
    this.asked.push(hostname);
    const found = this.answers[hostname];
    if (!found) return Promise.reject(Object.assign(new Error('not in the table'), { code: 'ENOTFOUND' }));
    return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  }
}

const LIMITS: OutboundLimits = { timeoutMs: 2_000, maxBytes: 1_024 };

async function failure(work: Promise<unknown>): Promise<OutboundError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof OutboundError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

describe('outboundFetch', () => {
  const servers: Server[] = [];
  let sink: Loopback;
  let ok: Loopback;
  let resolver: LoopbackResolver;
  let policy: OutboundPolicy;

  const serve = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> => {
    const server = await loopback(handler);
    servers.push(server.server);
    return server;
  };

  beforeEach(async () => {
    sink = await serve((_req, res) => res.end('the sink must never be reached'));
    ok = await serve((req, res) => {
      res.setHeader('x-seen-host', req.headers.host ?? '');
      res.end(JSON.stringify({ method: req.method, url: req.url }));
    });
    resolver = new LoopbackResolver();
    policy = new OutboundPolicy(
      { allowedEndpoints: [`127.0.0.1:${ok.port}`, `sim.test:${ok.port}`], psaHosts: [] },
      resolver,
    );
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reaches an operator-allowed endpoint and returns status, headers and body', async () => {
    const res = await outboundFetch(
      policy,
      'duo',
      `http://127.0.0.1:${ok.port}/admin/v1/info?x=1`,
      { method: 'GET' },
      LIMITS,
    );
    expect([res.status, JSON.parse(res.text)]).toEqual([200, { method: 'GET', url: '/admin/v1/info?x=1' }]);
    expect(res.header('X-Seen-Host')).toBe(`127.0.0.1:${ok.port}`);
    expect(res.header('absent')).toBeNull();
  });

  it('sends a body with its length', async () => {
    const echo = await serve((req, res) => req.pipe(res));
    const allowed = new OutboundPolicy({ allowedEndpoints: [`127.0.0.1:${echo.port}`], psaHosts: [] }, resolver);
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":"\u00e9"}' };
    const res = await outboundFetch(allowed, 'psa', `http://127.0.0.1:${echo.port}/x`, init, LIMITS);
    expect(res.text).toBe('{"a":"\u00e9"}');
    expect(echo.requests[0]!.headers['content-length']).toBe('10');
  });

  // Mutation: connecting to url.hostname instead of the vetted address looked the name up again (the system
  // resolver, which does not know sim.test): the call failed.
  it('connects to the address the policy resolved, once, with the name as Host', async () => {
    const res = await outboundFetch(policy, 'duo', `http://sim.test:${ok.port}/`, { method: 'GET' }, LIMITS);
    expect(res.header('x-seen-host')).toBe(`sim.test:${ok.port}`);
    expect(resolver.asked).toEqual(['sim.test']);
  });

  // Mutation: without the 3xx check in readAnswer, the 302 came back as an answer (and nothing followed it,
  // which the sink's count also proves).
  it('refuses a redirect to another loopback port without following it', async () => {
    const redirector = await serve((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${sink.port}/stolen` }).end();
    });
    const both = new OutboundPolicy(
      { allowedEndpoints: [`127.0.0.1:${redirector.port}`, `127.0.0.1:${sink.port}`], psaHosts: [] },
      resolver,
    );
    const error = await failure(
      outboundFetch(both, 'webhook', `http://127.0.0.1:${redirector.port}/`, { method: 'POST', body: 'x' }, LIMITS),
    );
    expect([error.code, error.rule]).toEqual(['OUTBOUND.REFUSED', 'redirect']);
    expect(error.message).not.toContain(String(sink.port));
    expect(redirector.connections).toBe(1);
    expect(sink.connections).toBe(0);
  });

  it.each([
    ['a loopback literal', 'webhook', () => `https://127.0.0.1:${sink.port}/`],
    ['loopback in decimal', 'webhook', () => `https://2130706433:${sink.port}/`],
    ['loopback in hex', 'webhook', () => `https://0x7f000001:${sink.port}/`],
    ['loopback in short form', 'webhook', () => `https://127.1:${sink.port}/`],
    ['loopback IPv6', 'webhook', () => `https://[::1]:${sink.port}/`],
    ['loopback IPv4-mapped IPv6', 'webhook', () => `https://[::ffff:7f00:1]:${sink.port}/`],
    ['localhost', 'webhook', () => `https://localhost:${sink.port}/`],
    ['a name resolving to loopback', 'webhook', () => `https://hooks.acme.com:${sink.port}/`],
    ['a name resolving to IPv6 loopback', 'webhook', () => `https://v6.acme.com:${sink.port}/`],
    ['userinfo naming an allowed endpoint', 'duo', () => `http://127.0.0.1:${ok.port}@127.0.0.1:${sink.port}/`],
    ['a fragment trick', 'duo', () => `http://127.0.0.1:${sink.port}#@127.0.0.1:${ok.port}`],
    ['another port of an allowed host', 'duo', () => `http://127.0.0.1:${sink.port}/`],
    ['an allowed endpoint with a trailing dot', 'duo', () => `http://sim.test.:${sink.port}/`],
    ['plain HTTP to a Duo-looking name', 'duo', () => `http://api-abc.duosecurity.com:${sink.port}/`],
  ] as const)('refuses %s before connecting', async (_name, purpose, url) => {
    const error = await failure(outboundFetch(policy, purpose, url(), { method: 'GET' }, LIMITS));
    expect(error.code).toBe('OUTBOUND.REFUSED');
    expect(error.message).not.toMatch(/127\.0\.0\.1|::1|localhost/);
    expect(sink.connections).toBe(0);
  });

  // Mutation: without the Content-Length check the declared size was read until the byte count caught it (still
  // refused); without the byte count the chunked answer below was read whole.
  it('cuts off an oversized answer, declared or streamed, with a coded error', async () => {
    const declared = await serve((_req, res) => res.end('x'.repeat(4_096)));
    const streamed = await serve((_req, res) => {
      const chunk = 'y'.repeat(512);
      const write = (left: number): void => {
        if (left === 0 || res.destroyed) return void res.end();
        res.write(chunk, () => {
          write(left - 1);
        });
      };
      write(64);
    });
    const allowed = new OutboundPolicy(
      { allowedEndpoints: [`127.0.0.1:${declared.port}`, `127.0.0.1:${streamed.port}`], psaHosts: [] },
      resolver,
    );
    for (const port of [declared.port, streamed.port]) {
      const error = await failure(
        outboundFetch(allowed, 'psa', `http://127.0.0.1:${port}/`, { method: 'GET' }, LIMITS),
      );
      expect(error.code).toBe('OUTBOUND.RESPONSE_TOO_LARGE');
      expect(error.message).not.toMatch(/xxxx|yyyy/);
    }
  });

  it('codes a server that never answers, and one that stalls mid-body, as a timeout', async () => {
    const silent = await serve(() => undefined);
    const stalling = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    const allowed = new OutboundPolicy(
      { allowedEndpoints: [`127.0.0.1:${silent.port}`, `127.0.0.1:${stalling.port}`], psaHosts: [] },
      resolver,
    );
    const limits = { timeoutMs: 150, maxBytes: 1_024 };
    for (const port of [silent.port, stalling.port]) {
      const error = await failure(
        outboundFetch(allowed, 'duo', `http://127.0.0.1:${port}/`, { method: 'GET' }, limits),
      );
      expect([error.code, error.transient]).toEqual(['OUTBOUND.TIMEOUT', true]);
    }
  });

  it('codes a refused connection as unreachable without naming the address', async () => {
    const closed = await serve(() => undefined);
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    servers.splice(servers.indexOf(closed.server), 1);
    const allowed = new OutboundPolicy({ allowedEndpoints: [`127.0.0.1:${port}`], psaHosts: [] }, resolver);
    const error = await failure(outboundFetch(allowed, 'duo', `http://127.0.0.1:${port}/`, { method: 'GET' }, LIMITS));
    expect([error.code, error.transient]).toEqual(['OUTBOUND.UNREACHABLE', true]);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('127.0.0.1');
  });
});
