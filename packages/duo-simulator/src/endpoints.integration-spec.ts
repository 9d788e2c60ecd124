import { duoCall, send } from './__fixtures__/duo-client';
import { startDuoSimulator, type DuoSimulator } from './server';

let sim: DuoSimulator;
beforeAll(async () => {
  sim = await startDuoSimulator({
    seed: 'endpoints',
    accounts: 2,
    usersPerAccount: 650,
    events: 2000,
    rateLimits: false,
    extraIntegrations: [
      { type: 'admin', account: 0, permissions: ['read_resource'] },
      { type: 'auth', account: 1 },
    ],
  });
});
afterAll(() => sim.close());

const admin = (i: number) => sim.info.accounts[i]!.adminApi;
const FAIL = (code: number, message: string) => ({ stat: 'FAIL', code, message });

describe('GET /admin/v1/users', () => {
  it('pages by offset to the end (limit clamped at 300), metadata at the top level', async () => {
    const users: { user_id: string; status: string }[] = [];
    let offset: number | undefined = 0;
    let pages = 0;
    while (offset !== undefined) {
      const reply = await duoCall(sim.url, {
        keys: admin(0),
        path: '/admin/v1/users',
        version: 5,
        params: { limit: '1000', offset: String(offset) },
      });
      const body = reply.body as {
        response: typeof users;
        metadata: { next_offset?: number; prev_offset: number; total_objects: number };
      };
      expect(body.response.length).toBeLessThanOrEqual(300);
      expect(body.metadata.total_objects).toBe(650);
      users.push(...body.response);
      offset = body.metadata.next_offset;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(users.map((u) => u.user_id)).size).toBe(650);
    const truth = sim.truth().accounts[0]!;
    expect(users.length).toBe(truth.users);
    expect(users.filter((u) => u.status !== 'pending deletion').length).toBe(truth.billable_seats);
    expect(new Set(users.map((u) => u.status))).toEqual(
      new Set(['active', 'bypass', 'disabled', 'locked out', 'pending deletion']),
    );
  });

  it('serves one user by id, and 404/40401 for an unknown id', async () => {
    const list = await duoCall(sim.url, {
      keys: admin(1),
      path: '/admin/v1/users',
      params: { limit: '1', offset: '7' },
    });
    const [user] = (list.body as { response: { user_id: string }[] }).response;
    const one = await duoCall(sim.url, { keys: admin(1), path: `/admin/v1/users/${user!.user_id}` });
    expect((one.body as { response: unknown }).response).toEqual(user);
    const missing = await duoCall(sim.url, { keys: admin(1), path: '/admin/v1/users/DUNOTAUSER0000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject(FAIL(40401, 'Resource not found'));
  });
});

describe('account endpoints', () => {
  it('summary counts users as the truth does', async () => {
    const reply = await duoCall(sim.url, { keys: admin(0), path: '/admin/v1/info/summary' });
    const truth = sim.truth().accounts[0]!;
    expect((reply.body as { response: unknown }).response).toMatchObject({
      user_count: truth.billable_seats,
      user_pending_deletion_count: truth.users - truth.billable_seats,
    });
  });

  it('lists child accounts (v2 form POST and v5 JSON POST) and serves each child through the parent key', async () => {
    for (const version of [2, 5] as const) {
      const reply = await duoCall(sim.url, {
        keys: sim.info.accountsApi,
        method: 'POST',
        path: '/accounts/v1/account/list',
        version,
      });
      expect((reply.body as { response: unknown }).response).toEqual(
        sim.info.accounts.map((a) => ({
          account_id: a.account_id,
          api_hostname: new URL(sim.url).host,
          name: a.name,
        })),
      );
    }
    for (const account of sim.info.accounts) {
      for (const path of ['/admin/v1/billing/edition', '/accounts/v1/billing/edition']) {
        const reply = await duoCall(sim.url, {
          keys: sim.info.accountsApi,
          path,
          params: { account_id: account.account_id },
        });
        expect(reply.body).toEqual({ stat: 'OK', response: { edition: account.edition } });
      }
      const users = await duoCall(sim.url, {
        keys: sim.info.accountsApi,
        path: '/admin/v1/users',
        version: 5,
        params: { account_id: account.account_id, limit: '1' },
      });
      expect(users.status).toBe(200);
    }
  });

  it('takes a hidden child out of the list, out of reach and out of the truth, and back', async () => {
    const [gone, kept] = sim.info.accounts;
    sim.setHiddenAccounts([gone!.account_id]);
    try {
      const list = await duoCall(sim.url, {
        keys: sim.info.accountsApi,
        method: 'POST',
        path: '/accounts/v1/account/list',
        version: 5,
      });
      expect((list.body as { response: { account_id: string }[] }).response.map((a) => a.account_id)).toEqual([
        kept!.account_id,
      ]);
      const call = await duoCall(sim.url, {
        keys: sim.info.accountsApi,
        path: '/admin/v1/users',
        version: 5,
        params: { account_id: gone!.account_id },
      });
      expect(call.body).toMatchObject({ stat: 'FAIL', code: 40002 });
      expect(sim.truth().accounts.map((a) => a.account_id)).toEqual([kept!.account_id]);
      expect(() => {
        sim.setHiddenAccounts(['DANOSUCHACCOUNT0000']);
      }).toThrow(/unknown account ids/);
    } finally {
      sim.setHiddenAccounts([]);
    }
    expect(sim.truth().accounts).toHaveLength(2);
  });
});

describe('errors', () => {
  const path = '/admin/v1/info/summary';
  it.each([
    [
      '40301 for a key without the grant',
      () => duoCall(sim.url, { keys: sim.info.extraIntegrations[0]!, path }),
      403,
      FAIL(40301, 'Access forbidden'),
    ],
    [
      '40301 for an Auth API key',
      () => duoCall(sim.url, { keys: sim.info.extraIntegrations[1]!, path: '/admin/v1/users' }),
      403,
      FAIL(40301, 'Access forbidden'),
    ],
    [
      '40301 for an Admin key on the Accounts API',
      () => duoCall(sim.url, { keys: admin(0), method: 'POST', path: '/accounts/v1/account/list' }),
      403,
      FAIL(40301, 'Access forbidden'),
    ],
    [
      '40301 for an Admin key on billing',
      () => duoCall(sim.url, { keys: admin(0), path: '/admin/v1/billing/edition' }),
      403,
      FAIL(40301, 'Access forbidden'),
    ],
    [
      '40301 for a parent key without account_id',
      () => duoCall(sim.url, { keys: sim.info.accountsApi, path }),
      403,
      FAIL(40301, 'Access forbidden'),
    ],
    [
      '40002 for an unknown account_id',
      () => duoCall(sim.url, { keys: sim.info.accountsApi, path, params: { account_id: 'DANOPE' } }),
      400,
      FAIL(40002, 'Invalid request parameters'),
    ],
    ['40101 without credentials', () => send(sim.url, path, {}), 401, FAIL(40101, 'Missing request credentials')],
    [
      '40102 for an unknown ikey',
      () => duoCall(sim.url, { keys: { ikey: 'DIUNKNOWN', skey: 'x' }, path }),
      401,
      FAIL(40102, 'Invalid integration key in request credentials'),
    ],
    [
      '40103 for a bad signature',
      () => duoCall(sim.url, { keys: { ...admin(0), skey: 'wrong' }, path }),
      401,
      FAIL(40103, 'Invalid signature in request credentials'),
    ],
    [
      '40104 for a non-English date',
      () => duoCall(sim.url, { keys: admin(0), path, date: 'Mo, 01 Jan 2024 00:00:00 GMT' }),
      401,
      FAIL(40104, 'Missing request timestamp'),
    ],
    [
      '40105 for a skewed date',
      () => duoCall(sim.url, { keys: admin(0), path, date: new Date(Date.now() - 3_600_000).toUTCString() }),
      401,
      FAIL(40105, 'Bad request timestamp'),
    ],
    [
      '40401 for an unknown path',
      () => duoCall(sim.url, { keys: admin(0), path: '/admin/v1/nothing' }),
      404,
      FAIL(40401, 'Resource not found'),
    ],
    [
      '40501 for a wrong verb',
      () => duoCall(sim.url, { keys: admin(0), method: 'DELETE', path }),
      405,
      FAIL(40501, 'Method not allowed'),
    ],
    [
      '40002 for malformed percent-encoding',
      () => send(sim.url, `${path}?a=%zz`, {}),
      400,
      FAIL(40002, 'Invalid request parameters'),
    ],
  ])('%s', async (_, call, status, body) => {
    const reply = await call();
    expect(reply.status).toBe(status);
    expect(reply.contentType).toBe('application/json');
    expect(reply.body).toMatchObject(body);
  });
});
