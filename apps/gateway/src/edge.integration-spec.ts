import { get } from 'node:http';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectBus } from '@seatwise/shared/bus/connect';
import { rpcSubject } from '@seatwise/shared/bus/subjects';
import { errorSpec } from '@seatwise/shared/errors/error-catalog';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { waitFor } from '@seatwise/testing/wait';
import { apartScope, startGateway, type TestGateway } from './__fixtures__/gateway-fixture';
import { Http } from './__fixtures__/http-client';
import { openSse } from './__fixtures__/sse-client';

const ADMIN_KEY = `boot-${'k'.repeat(40)}`;

interface KeyCreated {
  id: string;
  key: string;
  prefix: string;
  role: string;
}

// The gateway's own edge, with no service behind it: auth, keys, roles, problems, hostile input,
// rate limits, CORS, docs, metrics, and what reaches the log.
describe('gateway edge', () => {
  let scope: TestScope;
  let gateway: TestGateway;
  let admin: Http;
  let viewerKey: string;

  beforeAll(async () => {
    scope = createTestScope();
    gateway = await startGateway(
      serviceEnv(scope, {
        SEATWISE_ADMIN_API_KEY: ADMIN_KEY,
        LOG_LEVEL: 'info',
        GATEWAY_CORS_ORIGINS: 'https://ui.example',
        GATEWAY_BODY_LIMIT_BYTES: '4096',
        GATEWAY_DISCOVERY_TIMEOUT_MS: '500',
        GATEWAY_SSE_HEARTBEAT_MS: '100',
        GATEWAY_SSE_MAX_PER_KEY: '2',
        // The specs below send many requests without keys from one address; the limit has its own spec.
        GATEWAY_UNAUTHENTICATED_BURST: '1000',
      }),
    );
    admin = new Http(gateway.url, ADMIN_KEY);
    const created = await admin.post<KeyCreated>('/api/v1/api-keys', { name: 'dashboard', role: 'viewer' });
    viewerKey = created.body.key;
  });

  afterAll(async () => {
    await gateway.close();
    await scope.cleanup();
  });

  it('serves health and docs without a key', async () => {
    const anonymous = admin.as(null);
    expect((await anonymous.get('/health/live')).status).toBe(200);
    expect((await anonymous.get('/health/ready')).body).toMatchObject({ service: 'gateway', ready: true });
    const doc = await anonymous.get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/integrations',
        '/api/v1/integrations/{id}',
        '/api/v1/api-keys',
        '/api/v1/events',
      ]),
    );
    const page = await anonymous.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs/swagger-ui-bundle.js');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await anonymous.get('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
    expect((await anonymous.get('/api/docs/seatwise-init.js')).text).toContain('/api/openapi.json');
  });

  it('answers 401 problems without a key or with an unknown one', async () => {
    for (const key of [null, 'swk_AAAAAAAA_' + 'x'.repeat(43), 'not-a-key']) {
      const res = await admin.get('/api/v1/integrations', { key });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(res.body).toMatchObject({
        status: 401,
        code: 'AUTH.UNAUTHORIZED',
        title: errorSpec('AUTH.UNAUTHORIZED').title,
      });
    }
    expect((await admin.get('/metrics', { key: null })).status).toBe(401);
  });

  it('shows a key once, lists keys without it, and stops a revoked key at once', async () => {
    const created = await admin.post<KeyCreated>('/api/v1/api-keys', { name: 'script', role: 'admin' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^swk_/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    const script = admin.as(created.body.key);
    expect((await script.get('/api/v1/api-keys')).status).toBe(200);
    const listed = await admin.get('/api/v1/api-keys?limit=200');
    expect(listed.text).not.toContain(created.body.key);
    expect(listed.text).not.toContain('hash');
    const revoked = await admin.delete<{ revokedAt: string | null }>(`/api/v1/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await script.get('/api/v1/api-keys')).status).toBe(401);
    expect((await admin.get('/api/v1/api-keys/key_doesnotexist')).body).toMatchObject({
      status: 404,
      code: 'COMMON.NOT_FOUND',
    });
  });

  it('lets viewers read but not change anything or manage keys', async () => {
    const viewer = admin.as(viewerKey);
    const forbidden = [
      await viewer.post('/api/v1/api-keys', { name: 'x', role: 'admin' }),
      await viewer.get('/api/v1/api-keys'),
      await viewer.post('/api/v1/integrations/int_1/sync'),
      await viewer.delete('/api/v1/integrations/int_1'),
    ];
    for (const res of forbidden) expect(res.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect((await viewer.get('/metrics')).status).toBe(200);
  });

  it('pages through a list to its end and exports it as CSV', async () => {
    for (let i = 0; i < 6; i++) await admin.post('/api/v1/api-keys', { name: `=cmd|' /C calc'!A${i}`, role: 'viewer' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = await admin.get<{ items: { id: string }[]; nextCursor: string | null }>(
        `/api/v1/api-keys?limit=2${query}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((k) => k.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor !== null);
    const all = await admin.get<{ items: { id: string }[] }>('/api/v1/api-keys?limit=200');
    expect(seen).toEqual(all.body.items.map((k) => k.id));
    expect(pages).toBe(Math.ceil(seen.length / 2));

    const csv = await admin.get('/api/v1/api-keys', { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,role,prefix,createdAt,lastUsedAt,revokedAt');
    expect(lines).toHaveLength(seen.length + 1);
    expect(csv.text).toContain(`,'=cmd|' /C calc'!A0,`);
    const whole = await csvWithTrailers(`${gateway.url}/api/v1/api-keys?format=csv&limit=1`, ADMIN_KEY);
    expect(whole.text.trimEnd().split('\r\n')).toHaveLength(seen.length + 1);
    expect(whole.trailers).toMatchObject({ 'x-total-rows': String(seen.length), 'x-truncated': 'false' });
    expect(whole.trailers['x-next-cursor']).toBeUndefined();
    // A gateway with a row cap streams that many rows and says, after the last, where to continue.
    const capped = await startGateway(
      serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: ADMIN_KEY, GATEWAY_CSV_MAX_ROWS: '3' }),
    );
    try {
      const head = await csvWithTrailers(`${capped.url}/api/v1/api-keys?format=csv`, ADMIN_KEY);
      expect(head.text.trimEnd().split('\r\n')).toHaveLength(4);
      expect(head.trailers).toMatchObject({ 'x-total-rows': '3', 'x-truncated': 'true' });
      const rest = await csvWithTrailers(
        `${capped.url}/api/v1/api-keys?format=csv&cursor=${head.trailers['x-next-cursor'] ?? ''}`,
        ADMIN_KEY,
      );
      expect(rest.text.trimEnd().split('\r\n').slice(1, 4)).toEqual(whole.text.trimEnd().split('\r\n').slice(4, 7));
    } finally {
      await capped.close();
    }
  });

  it('turns hostile and malformed input into 4xx problems', async () => {
    const cases: [Promise<{ status: number; body: unknown }>, number, string][] = [
      [admin.post('/api/v1/api-keys', undefined, { rawBody: '{"name": "x",' }), 400, 'HTTP.MALFORMED_JSON'],
      [admin.post('/api/v1/api-keys', { name: 42, role: 'root' }), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.post('/api/v1/api-keys', { name: 'x', role: 'viewer', isAdmin: true }), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.post('/api/v1/api-keys', { name: 'x'.repeat(8000), role: 'viewer' }), 413, 'HTTP.PAYLOAD_TOO_LARGE'],
      [
        admin.post('/api/v1/api-keys', undefined, {
          rawBody: 'name=x&role=admin',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        415,
        'HTTP.UNSUPPORTED_MEDIA_TYPE',
      ],
      [admin.post('/api/v1/api-keys', undefined, { rawBody: '[]' }), 400, 'COMMON.VALIDATION_FAILED'],
      [
        admin.post('/api/v1/api-keys', undefined, { rawBody: '{}', headers: { 'content-encoding': 'gzip' } }),
        400,
        'HTTP.BAD_REQUEST',
      ],
      [admin.get('/api/v1/accounts?integrationId[$ne]=x'), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.get('/api/v1/accounts?integrationId=a&integrationId=b'), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.get('/api/v1/accounts?integrationId={"$gt":""}'), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.get('/api/v1/api-keys?limit=500'), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.get('/api/v1/api-keys?cursor=bm90LWEtY3Vyc29y'), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.get('/api/v1/integrations/..%2F..%2Fetc'), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.post('/api/v1/integrations/int_1/sync', { force: true }), 400, 'COMMON.VALIDATION_FAILED'],
      [admin.get('/api/v1/nothing-here'), 404, 'HTTP.ROUTE_NOT_FOUND'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status, code });
      expect(JSON.stringify(res.body)).not.toMatch(/at \S+ \(|node_modules|\.ts:\d+/);
    }
    const typed = await admin.post<{ errors: { path: string }[] }>('/api/v1/api-keys', {
      name: 42,
      role: 'root',
      extra: 1,
    });
    expect(typed.body.errors.map((e) => e.path).sort()).toEqual(['body', 'body.name', 'body.role']);
    const operator = await admin.get<{ errors: { path: string; message: string }[] }>(
      '/api/v1/accounts?integrationId[$ne]=x',
    );
    expect(operator.body.errors[0]?.message).toContain('integrationId[$ne]');
  });

  it('answers 503 when the service behind a route does not answer', async () => {
    const res = await admin.get('/api/v1/integrations');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toMatchObject({
      code: 'COMMON.UPSTREAM_UNAVAILABLE',
      title: errorSpec('COMMON.UPSTREAM_UNAVAILABLE').title,
    });
    expect((res.body as { detail: string }).detail).not.toContain(scope.busPrefix);
  });

  it('maps an upstream that times out, breaks its contract, fails internally or oddly to 504, 502, 500 and 502 without its message', async () => {
    const nc: NatsConnection = await connectBus({ url: scope.natsUrl, name: 'edge-spec' });
    try {
      const reply = (pattern: string, body: (id: string) => unknown): void => {
        nc.subscribe(rpcSubject(scope.busPrefix, pattern), {
          callback: (_error, msg) => {
            const answer = body(msg.json<{ id: string }>().id);
            if (answer !== null) msg.respond(JSON.stringify(answer));
          },
        });
      };
      reply('discovery.users.list', () => null);
      reply('discovery.services.list', (id) => ({
        id,
        response: { items: [{ id: 'not a service' }], nextCursor: null },
        isDisposed: true,
      }));
      reply('discovery.actions.list', (id) => ({
        id,
        err: { code: 'SECRETS.KEY_MISSING', message: 'key k2 at 10.0.0.7 is gone' },
        isDisposed: true,
      }));
      // A code outside the catalog is another version's: the service failed without a code we know.
      reply('discovery.users.get', (id) => ({
        id,
        err: { code: 'WEIRD.THING', message: 'db at 10.0.0.7 said no' },
        isDisposed: true,
      }));
      await nc.flush();
      const timeout = await admin.get('/api/v1/users?accountId=DA1');
      expect(timeout.body).toMatchObject({
        status: 504,
        code: 'COMMON.TIMEOUT',
        title: errorSpec('COMMON.TIMEOUT').title,
      });
      expect((await admin.get('/api/v1/services?accountId=DA1')).body).toMatchObject({
        status: 502,
        code: 'GATEWAY.UPSTREAM_FAILED',
      });
      const internal = await admin.get('/api/v1/discovery/actions?accountId=DA1');
      expect(internal.body).toMatchObject({ status: 500, code: 'COMMON.INTERNAL' });
      const odd = await admin.get('/api/v1/users/DA1.DU1');
      expect(odd.body).toMatchObject({ status: 502, code: 'GATEWAY.UPSTREAM_FAILED' });
      for (const res of [internal, odd]) {
        expect(res.text).not.toContain('10.0.0.7');
        expect(res.text).not.toMatch(/WEIRD|SECRETS|k2/);
      }
    } finally {
      await nc.close();
    }
  });

  it('streams heartbeats over SSE and lets go of a client that disconnects', async () => {
    const open = async (): Promise<number> =>
      Number(/seatwise_gateway_sse_open_connections (\d+)/.exec((await admin.get('/metrics')).text)?.[1]);
    const stream = await openSse(`${gateway.url}/api/v1/events`, viewerKey);
    expect(stream.status).toBe(200);
    await waitFor(() => stream.comments() >= 3, { timeoutMs: 10_000, description: 'heartbeats' });
    expect(await open()).toBe(1);
    stream.close();
    await waitFor(async () => (await open()) === 0, { timeoutMs: 10_000, description: 'SSE client released' });
    expect((await admin.get('/api/v1/events?types=nope')).body).toMatchObject({
      status: 400,
      errors: [{ path: 'query.types.0' }],
    });
  });

  it('caps event streams per key, and closes them when the key is revoked here or by another instance', async () => {
    const keyOf = async (name: string) =>
      (await admin.post<KeyCreated>('/api/v1/api-keys', { name, role: 'viewer' })).body;
    const events = `${gateway.url}/api/v1/events`;
    const first = await keyOf('streamer');
    const streams = [await openSse(events, first.key), await openSse(events, first.key)];
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    const third = await openSse(events, first.key);
    expect(third.status).toBe(429);
    third.close();
    const other = await openSse(events, viewerKey);
    expect(other.status).toBe(200);
    // Revoked through this gateway: its streams end at once with the reason; another key's stream stays.
    expect((await admin.delete(`/api/v1/api-keys/${first.id}`)).status).toBe(200);
    for (const stream of streams) {
      expect((await stream.next((e) => e.event === 'closed', 5_000)).data).toEqual({
        reason: 'the API key was revoked',
      });
      stream.close();
    }
    // Revoked through another gateway instance on the same database: this one notices on its next check.
    const second = await keyOf('streamer-2');
    const watched = await openSse(events, second.key);
    const peer = await startGateway(serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: ADMIN_KEY }));
    try {
      expect((await new Http(peer.url, ADMIN_KEY).delete(`/api/v1/api-keys/${second.id}`)).status).toBe(200);
      expect((await watched.next((e) => e.event === 'closed', 15_000)).data).toEqual({
        reason: 'the API key was revoked',
      });
    } finally {
      watched.close();
      await peer.close();
    }
    other.close();
  });

  it('reads no body before the caller is authenticated and allowed the route', async () => {
    const oversized = JSON.stringify({ name: 'x'.repeat(8_000), role: 'viewer' });
    // Without a key: 401, whatever the body (too large, not JSON) — it is never read.
    for (const rawBody of [oversized, '{"name": ']) {
      expect((await admin.post('/api/v1/api-keys', undefined, { key: null, rawBody })).status).toBe(401);
    }
    // A viewer may not create keys: 403 before the body.
    expect((await admin.post('/api/v1/api-keys', undefined, { key: viewerKey, rawBody: oversized })).status).toBe(403);
    // Once allowed, the same bodies are read and refused for what they are.
    expect((await admin.post('/api/v1/api-keys', undefined, { rawBody: oversized })).body).toMatchObject({
      status: 413,
      code: 'HTTP.PAYLOAD_TOO_LARGE',
    });
    expect((await admin.post('/api/v1/api-keys', undefined, { rawBody: '{"name": ' })).body).toMatchObject({
      status: 400,
      code: 'HTTP.MALFORMED_JSON',
    });
  });

  it('limits failed authentications per client address, before any key lookup', async () => {
    const limited = await startGateway(
      serviceEnv(apartScope(scope), { SEATWISE_ADMIN_API_KEY: ADMIN_KEY, GATEWAY_UNAUTHENTICATED_BURST: '2' }),
    );
    try {
      const http = new Http(limited.url, 'swk_made_up_0000000000000000000000');
      expect((await http.get('/api/v1/api-keys')).status).toBe(401);
      expect((await http.get('/api/v1/api-keys', { key: null })).status).toBe(401);
      const refused = await http.get('/api/v1/api-keys');
      expect(refused.body).toMatchObject({ status: 429, code: 'HTTP.RATE_LIMITED' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // The address is refused before its key is looked at, a valid one included.
      expect((await http.get('/api/v1/api-keys', { key: ADMIN_KEY })).status).toBe(429);
      // Public routes (health, sign-in) are not failed authentications.
      expect((await http.get('/health/live', { key: null })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('sends security headers and applies the CORS allow-list', async () => {
    const res = await admin.get('/api/v1/api-keys', { headers: { origin: 'https://ui.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Customer data is never stored by a browser or proxy, so there is no ETag to revalidate it with (mutation
    // noted: without apiNoStore and the etag setting, both assertions fail); problems are not stored either.
    expect([res.headers.get('cache-control'), res.headers.get('etag')]).toEqual(['no-store', null]);
    const problem = await admin.get('/api/v1/api-keys/key_nope');
    expect([problem.status, problem.headers.get('cache-control')]).toEqual([404, 'no-store']);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://ui.example');
    const preflight = await fetch(`${gateway.url}/api/v1/api-keys`, {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const evil = await fetch(`${gateway.url}/api/v1/api-keys`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('counts requests by route template and status', async () => {
    await admin.get('/api/v1/api-keys/key_nope');
    const metrics = await admin.get('/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toContain(
      'seatwise_gateway_http_requests_total{method="GET",route="/api/v1/api-keys/:id",status="404"}',
    );
    expect(metrics.text).toMatch(
      /seatwise_gateway_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/api-keys",status="200",le="\+Inf"\} \d+/,
    );
  });

  it('rate-limits per key with a 429 problem and Retry-After', async () => {
    const limited = await startGateway(
      serviceEnv(apartScope(scope), {
        SEATWISE_ADMIN_API_KEY: ADMIN_KEY,
        GATEWAY_RATE_LIMIT_BURST: '3',
        GATEWAY_RATE_LIMIT_PER_MINUTE: '1',
      }),
    );
    try {
      const client = new Http(limited.url, ADMIN_KEY);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.get('/api/v1/api-keys')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await client.get('/api/v1/api-keys');
      expect(res.body).toMatchObject({ status: 429, code: 'HTTP.RATE_LIMITED' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another key has its own bucket.
      expect((await client.as(viewerKey).get('/api/v1/accounts?removed=maybe')).status).toBe(400);
    } finally {
      await limited.close();
    }
  });

  it('logs requests without any key or secret', () => {
    const logs = gateway.logs();
    expect(logs).toContain('"route":"/api/v1/api-keys"');
    expect(logs).not.toContain(ADMIN_KEY);
    expect(logs).not.toContain(viewerKey);
    expect(logs).not.toMatch(/swk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}/);
    expect(logs.toLowerCase()).not.toContain('bearer');
  });
});

// A CSV export with its HTTP trailers (fetch does not expose trailers; node:http does).
function csvWithTrailers(url: string, key: string): Promise<{ text: string; trailers: NodeJS.Dict<string> }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${key}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ text: Buffer.concat(chunks).toString('utf8'), trailers: res.trailers });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}
