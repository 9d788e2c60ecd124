import { SESSION_COOKIE, type SessionState, type SessionView } from '@seatwise/shared/contracts/gateway-api';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import mongoose from 'mongoose';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apartScope, startGateway, type TestGateway } from './__fixtures__/gateway-fixture';
import { Http } from './__fixtures__/http-client';

const ADMIN_KEY = `boot-${'s'.repeat(40)}`;
const INDEX = '<!doctype html><title>Seatwise</title><script type="module" src="/assets/index-1a2b.js"></script>';

interface Signed {
  cookie: string;
  csrf: string;
  view: SessionView;
  setCookie: string;
}

// The console's sign-in against the real database: the cookie a browser gets, what it may do with it,
// CSRF, roles, revocation and sign-out; and the console's files served beside the API.
describe('gateway console sessions', () => {
  let scope: TestScope;
  let consoleDir: string;
  let gateway: TestGateway;
  let admin: Http;
  let anonymous: Http;

  beforeAll(async () => {
    scope = createTestScope();
    consoleDir = mkdtempSync(join(tmpdir(), 'seatwise-console-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), INDEX);
    writeFileSync(join(consoleDir, 'assets', 'index-1a2b.js'), 'export {};');
    gateway = await startGateway(
      serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: ADMIN_KEY, GATEWAY_CONSOLE_DIR: consoleDir }),
    );
    admin = new Http(gateway.url, ADMIN_KEY);
    anonymous = admin.as(null);
  });

  afterAll(async () => {
    await gateway.close();
    await scope.cleanup();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  async function signIn(apiKey: string, client = anonymous): Promise<Signed> {
    const res = await client.post<SessionView>('/api/v1/session', { apiKey });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const token = new RegExp(`^${SESSION_COOKIE}=([A-Za-z0-9_-]{43});`).exec(setCookie)?.[1];
    expect(token).toBeDefined();
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf: res.body.csrfToken, view: res.body, setCookie };
  }

  const withCookie = (signed: Signed, csrf?: string) => ({
    headers: { cookie: signed.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) },
  });

  it('signs in with an API key: an HttpOnly, SameSite=Strict cookie (not Secure over http)', async () => {
    const signed = await signIn(ADMIN_KEY);
    const attributes = signed.setCookie.split(';').map((part) => part.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=43200']));
    expect(attributes).not.toContain('Secure');
    expect(signed.view).toMatchObject({ keyId: 'key_bootstrap', name: 'bootstrap-admin', role: 'admin' });
    expect(Date.parse(signed.view.expiresAt) - Date.now()).toBeGreaterThan(11 * 60 * 60 * 1_000);
  });

  it('refuses an unknown key and a malformed body', async () => {
    const res = await anonymous.post('/api/v1/session', { apiKey: 'swk_AAAAAAAA_' + 'x'.repeat(43) });
    expect(res.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHORIZED' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await anonymous.post('/api/v1/session', { apiKey: ADMIN_KEY, role: 'admin' })).body).toMatchObject({
      status: 400,
      code: 'COMMON.VALIDATION_FAILED',
    });
  });

  it('stores only the hash of the cookie token, with its expiry', async () => {
    const signed = await signIn(ADMIN_KEY);
    const token = signed.cookie.split('=')[1] ?? '';
    const connection = await mongoose.createConnection(scope.mongoUrl, { dbName: scope.dbName }).asPromise();
    try {
      const sessions = connection.collection('sessions');
      const doc = await sessions.findOne({ _id: createHash('sha256').update(token).digest('hex') as never });
      expect(doc).toMatchObject({ keyId: 'key_bootstrap', csrfToken: signed.csrf });
      expect((doc?.['expiresAt'] as Date).toISOString()).toBe(signed.view.expiresAt);
      expect(JSON.stringify(await sessions.find({}).toArray())).not.toContain(token);
      // MongoDB expires sessions by a TTL index; FerretDB (no TTL) gets a plain one and the code's checks.
      const ferret = typeof (await connection.db?.admin().command({ buildInfo: 1 }))?.['ferretdbVersion'] === 'string';
      const index = (await sessions.indexes()).find((i) => JSON.stringify(i.key) === '{"expiresAt":1}');
      expect(index?.expireAfterSeconds).toBe(ferret ? undefined : 0);
    } finally {
      await connection.close();
    }
  });

  it('reads with the cookie alone, and answers the session with its CSRF token on reload', async () => {
    const signed = await signIn(ADMIN_KEY);
    expect((await anonymous.get('/api/v1/api-keys', withCookie(signed))).status).toBe(200);
    const current = await anonymous.get<SessionState>('/api/v1/session', withCookie(signed));
    expect(current.status).toBe(200);
    expect(current.body).toEqual({ session: signed.view });
    const signedOut = await anonymous.get<SessionState>('/api/v1/session');
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ session: null });
  });

  it('refuses a change sent with the cookie but without the CSRF token, and accepts it with', async () => {
    const signed = await signIn(ADMIN_KEY);
    const body = { name: 'made-in-console', role: 'viewer' };
    const bare = await anonymous.post('/api/v1/api-keys', body, withCookie(signed));
    expect(bare.body).toMatchObject({ status: 403, code: 'AUTH.CSRF_FAILED' });
    const wrong = await anonymous.post('/api/v1/api-keys', body, withCookie(signed, 'x'.repeat(43)));
    expect(wrong.body).toMatchObject({ status: 403, code: 'AUTH.CSRF_FAILED' });
    const made = await anonymous.post<{ name: string }>('/api/v1/api-keys', body, withCookie(signed, signed.csrf));
    expect(made.status).toBe(201);
    // A Bearer key needs no CSRF token: nothing ambient rides along with it.
    expect((await admin.post('/api/v1/api-keys', body)).status).toBe(201);
  });

  it("keeps a viewer's session to reads, and ends it when its key is revoked", async () => {
    const created = await admin.post<{ id: string; key: string }>('/api/v1/api-keys', { name: 'v', role: 'viewer' });
    const viewer = await signIn(created.body.key);
    expect(viewer.view).toMatchObject({ keyId: created.body.id, role: 'viewer' });
    expect((await anonymous.get('/metrics', withCookie(viewer))).status).toBe(200);
    const change = await anonymous.post(
      '/api/v1/api-keys',
      { name: 'x', role: 'admin' },
      withCookie(viewer, viewer.csrf),
    );
    expect(change.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect((await admin.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(200);
    expect((await anonymous.get('/metrics', withCookie(viewer))).body).toMatchObject({
      status: 401,
      code: 'AUTH.SESSION_EXPIRED',
    });
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const signed = await signIn(ADMIN_KEY);
    expect((await anonymous.delete('/api/v1/session', withCookie(signed))).body).toMatchObject({
      status: 403,
      code: 'AUTH.CSRF_FAILED',
    });
    const out = await anonymous.delete('/api/v1/session', withCookie(signed, signed.csrf));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    expect((await anonymous.get('/api/v1/session', withCookie(signed))).body).toEqual({ session: null });
    const after = await anonymous.get('/api/v1/api-keys', withCookie(signed));
    expect(after.body).toMatchObject({ status: 401, code: 'AUTH.SESSION_EXPIRED' });
    expect(after.headers.get('www-authenticate')).toContain('Bearer');
    expect((await anonymous.delete('/api/v1/session', withCookie(signed, signed.csrf))).status).toBe(204);
  });

  it('serves the console at / under a CSP it runs with, its assets immutable, its routes as index.html', async () => {
    const page = await anonymous.get('/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    const asset = await anonymous.get('/assets/index-1a2b.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await anonymous.get('/reconciliation/rows', { headers: { accept: 'text/html' } })).text).toBe(INDEX);
    expect((await anonymous.get('/api/v1/nothing-here', { headers: { accept: 'text/html' } })).body).toMatchObject({
      status: 404,
      code: 'HTTP.ROUTE_NOT_FOUND',
    });
    expect((await anonymous.get('/health/live', { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  it('marks the cookie Secure behind a trusted TLS proxy, and says when the console is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'seatwise-console-empty-'));
    const proxied = await startGateway(
      serviceEnv(scope, { SEATWISE_ADMIN_API_KEY: ADMIN_KEY, GATEWAY_CONSOLE_DIR: empty, GATEWAY_TRUST_PROXY: 'true' }),
    );
    try {
      const client = new Http(proxied.url, null);
      const signed = await signIn(ADMIN_KEY, client.as(null));
      expect(signed.setCookie).not.toMatch(/;\s*Secure/);
      const https = await client.post(
        '/api/v1/session',
        { apiKey: ADMIN_KEY },
        { headers: { 'x-forwarded-proto': 'https' } },
      );
      expect(https.headers.get('set-cookie')).toMatch(/;\s*Secure$/);
      const root = await client.get<{ detail: string }>('/');
      expect(root.status).toBe(404);
      expect(root.headers.get('content-type')).toContain('application/problem+json');
      expect(root.body.detail).toContain('not built');
      expect(root.body.detail).toContain('npm run build');
    } finally {
      await proxied.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await startGateway(
      serviceEnv(apartScope(scope), { GATEWAY_RATE_LIMIT_BURST: '2', GATEWAY_RATE_LIMIT_PER_MINUTE: '1' }),
    );
    try {
      const client = new Http(limited.url, null);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await client.post('/api/v1/session', { apiKey: 'wrong' })).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
