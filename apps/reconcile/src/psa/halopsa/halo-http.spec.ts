import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowingOnly } from '@seatwise/platform/testing/outbound';
import { HaloHttp } from './halo-http';

interface Seen {
  method: string;
  path: string;
  auth: string;
  body: string;
}
type Answer = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> };

// A scripted Halo: each request takes the next answer for its kind (token or api); the default answers 200.
class StubHalo {
  readonly seen: Seen[] = [];
  token: Answer[] = [];
  api: Answer[] = [];
  private server: Server = createServer((req, res) => {
    void this.answer(req, res);
  });
  private issued = 0;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => {
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = req.url ?? '/';
    this.seen.push({ method: req.method ?? '', path: url, auth: req.headers.authorization ?? '', body });
    const isToken = url.startsWith('/auth/token');
    const scripted = (isToken ? this.token : this.api).shift();
    const fallback: Answer = isToken
      ? { status: 200, body: { access_token: `tok${++this.issued}`, token_type: 'Bearer', expires_in: 3600 } }
      : { status: 200, body: { record_count: 0, clients: [] } };
    const answer = scripted ?? fallback;
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
  }
}

const SECRET = 's3cret-value';
let stub: StubHalo;
let url: string;
let sleeps: number[];

function http(overrides: { tenant?: string | null; maxAttempts?: number } = {}): HaloHttp {
  return new HaloHttp(
    {
      resourceUrl: `${url}/api/`,
      authUrl: `${url}/auth`,
      tenant: overrides.tenant === undefined ? 'acme' : overrides.tenant,
      clientId: 'app-1',
      clientSecret: SECRET,
    },
    {
      timeoutMs: 2000,
      maxAttempts: overrides.maxAttempts ?? 4,
      retryBaseMs: 1,
      maxRetryAfterMs: 10_000,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      outbound: allowingOnly(url),
    },
  );
}

const apiCalls = () => stub.seen.filter((s) => s.path.startsWith('/api'));
const tokenCalls = () => stub.seen.filter((s) => s.path.startsWith('/auth/token'));

beforeEach(async () => {
  stub = new StubHalo();
  url = await stub.start();
  sleeps = [];
});
afterEach(() => stub.close());

describe('HaloHttp', () => {
  it('asks for a client-credentials token once and sends it as Bearer on every call', async () => {
    const h = http();
    await h.get('/Client', { pageinate: 'true' });
    await h.get('/Item');
    expect(tokenCalls()).toHaveLength(1);
    const [token] = tokenCalls();
    expect(token!.path).toBe('/auth/token?tenant=acme');
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: SECRET,
      scope: 'all',
    });
    expect(apiCalls().map((c) => [c.path, c.auth])).toEqual([
      ['/api/Client?pageinate=true', 'Bearer tok1'],
      ['/api/Item', 'Bearer tok1'],
    ]);
  });

  it('leaves the tenant out when there is none', async () => {
    await http({ tenant: null }).get('/Client');
    expect(tokenCalls()[0]!.path).toBe('/auth/token');
  });

  it('on a 401 gets a new token and tries once more', async () => {
    stub.api = [{ status: 401, body: { error: 'invalid_token' } }];
    await expect(http().get('/Client')).resolves.toEqual({ record_count: 0, clients: [] });
    expect(apiCalls().map((c) => c.auth)).toEqual(['Bearer tok1', 'Bearer tok2']);
  });

  it('fails with refused credentials on a second 401, never naming the secret', async () => {
    stub.api = [{ status: 401 }, { status: 401 }];
    const error = await http()
      .get('/Client')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RECONCILE.PSA_CREDENTIALS_INVALID' });
    expect((error as Error).message).not.toContain(SECRET);
    expect(apiCalls()).toHaveLength(2);
  });

  it('fails with refused credentials when the token endpoint refuses the client', async () => {
    stub.token = [{ status: 400, body: { error: 'invalid_client', error_description: 'bad' } }];
    const error = await http()
      .get('/Client')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RECONCILE.PSA_CREDENTIALS_INVALID' });
    expect((error as Error).message).not.toContain(SECRET);
    expect(apiCalls()).toHaveLength(0);
  });

  it('retries 5xx with back-off, a 429 after its Retry-After, and a 503 from the token endpoint', async () => {
    stub.token = [{ status: 503 }];
    stub.api = [{ status: 503 }, { status: 429, headers: { 'Retry-After': '2' } }];
    await expect(http().get('/Client')).resolves.toEqual({ record_count: 0, clients: [] });
    expect(apiCalls()).toHaveLength(3);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[2]).toBe(2000);
  });

  it('gives up after maxAttempts', async () => {
    stub.api = [{ status: 500 }, { status: 500 }];
    await expect(http({ maxAttempts: 2 }).get('/Client')).rejects.toMatchObject({
      code: 'RECONCILE.PSA_UPSTREAM_FAILED',
    });
  });

  it('retries an update POST after a 503 but a create POST only after a 429', async () => {
    stub.api = [{ status: 503 }];
    await http().postUpdate('/RecurringInvoice', [{ id: 1 }]);
    expect(apiCalls().filter((c) => c.method === 'POST')).toHaveLength(2);
    stub.seen.length = 0;
    stub.api = [{ status: 503 }];
    await expect(http().postCreate('/RecurringInvoice', [{ id: 1 }])).rejects.toMatchObject({
      code: 'RECONCILE.PSA_UPSTREAM_FAILED',
    });
    expect(apiCalls()).toHaveLength(1);
    stub.seen.length = 0;
    stub.api = [{ status: 429, headers: { 'Retry-After': '0' } }];
    await http().postCreate('/RecurringInvoice', [{ id: 1 }]);
    expect(apiCalls()).toHaveLength(2);
  });

  it('maps a malformed 2xx answer to an upstream failure and an unreachable Halo to unavailable', async () => {
    stub.api = [{ status: 200, raw: '{"id":' }];
    await expect(http({ maxAttempts: 1 }).postCreate('/RecurringInvoice', [])).rejects.toMatchObject({
      code: 'RECONCILE.PSA_UPSTREAM_FAILED',
    });
    await stub.close();
    await expect(http({ maxAttempts: 1 }).get('/Client')).rejects.toMatchObject({
      code: 'RECONCILE.PSA_UNAVAILABLE',
    });
    stub = new StubHalo();
    url = await stub.start();
  });

  // Mutation: with the 3xx check in outboundFetch removed, the redirect came back as a 302 answer (an invalid
  // request) and the token's secret could be sent on to wherever Location pointed.
  it('refuses a redirect under the outbound policy, without retrying or following it', async () => {
    stub.token = [{ status: 307, headers: { Location: 'http://127.0.0.1:9/steal' } }];
    const error = await http()
      .get('/Client')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OUTBOUND.REFUSED', rule: 'redirect' });
    expect(stub.seen.map((s) => s.path)).toEqual(['/auth/token?tenant=acme']);
  });

  // Mutation: without the textual check in HaloHttp.api, the decimal spelling became 127.0.0.1 and was allowed.
  it('refuses another spelling of the allowed endpoint before any request', async () => {
    const port = new URL(url).port;
    const other = new HaloHttp(
      {
        resourceUrl: `http://2130706433:${port}/api`,
        authUrl: `${url}/auth`,
        tenant: null,
        clientId: 'a',
        clientSecret: SECRET,
      },
      {
        timeoutMs: 2000,
        maxAttempts: 3,
        retryBaseMs: 1,
        maxRetryAfterMs: 10,
        sleep: () => Promise.resolve(),
        outbound: allowingOnly(url),
      },
    );
    await expect(other.get('/Client')).rejects.toMatchObject({ code: 'OUTBOUND.REFUSED', rule: 'host-spelling' });
    expect(stub.seen).toEqual([]);
  });
});
