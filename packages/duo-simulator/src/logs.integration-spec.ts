import { duoCall } from './__fixtures__/duo-client';
import { scanLog } from './__fixtures__/scan';
import { startDuoSimulator, type DuoSimulator } from './server';

const DAY = 86_400_000;
let sim: DuoSimulator;

beforeAll(async () => {
  sim = await startDuoSimulator({
    seed: 'logs',
    accounts: 3,
    usersPerAccount: 40,
    events: 30_000,
    historyDays: 30,
    rateLimits: false,
  });
});
afterAll(() => sim.close());

const window = (): [number, number] => [Date.now() - 31 * DAY, Date.now() - 120_000];
const authPath = '/admin/v2/logs/authentication';

describe('GET /admin/v2/logs/authentication paging', () => {
  it.each([2, 5] as const)(
    'scans every account to the end with signature v%s: nothing lost or repeated',
    async (version) => {
      const truth = sim.truth();
      for (const [i, account] of sim.info.accounts.entries()) {
        const scan = await scanLog(sim.url, account.adminApi, {
          path: authPath,
          version,
          window: window(),
          limit: 1000,
          sort: 'ts:asc',
        });
        const txids = scan.records.map((r) => r['txid']);
        expect(new Set(txids).size).toBe(txids.length);
        const expected = truth.accounts[i]!;
        expect(txids.length).toBe(expected.auth_events);
        const perApp = new Map<string, number>();
        for (const r of scan.records) {
          const key = (r['application'] as { key: string }).key;
          perApp.set(key, (perApp.get(key) ?? 0) + 1);
        }
        for (const app of expected.applications) expect(perApp.get(app.key) ?? 0).toBe(app.events);
        const times = scan.records.map((r) => r['timestamp'] as number);
        expect([...times].sort((a, b) => a - b)).toEqual(times);
      }
    },
  );

  it('pages descending with the parent Accounts API key, python-style repeated next_offset, to the same set', async () => {
    const account = sim.info.accounts[1]!;
    const asc = await scanLog(sim.url, account.adminApi, {
      path: authPath,
      version: 2,
      window: window(),
      limit: 1000,
      sort: 'ts:asc',
    });
    const desc = await scanLog(sim.url, sim.info.accountsApi, {
      path: authPath,
      version: 2,
      window: window(),
      limit: 777,
      sort: 'ts:desc',
      accountId: account.account_id,
      repeatCursor: true,
    });
    expect(desc.records.map((r) => r['txid'])).toEqual(asc.records.map((r) => r['txid']).reverse());
    expect(desc.pages).toBe(Math.ceil(asc.records.length / 777) + 1);
  });

  it('sends no next_offset on the last page when told to (what real Duo does there is undocumented)', async () => {
    const bare = await startDuoSimulator({
      seed: 'logs',
      accounts: 1,
      usersPerAccount: 40,
      events: 2_500,
      rateLimits: false,
      cursorOnLastLogPage: false,
    });
    try {
      const scan = await scanLog(bare.url, bare.info.accounts[0]!.adminApi, {
        path: authPath,
        version: 2,
        window: window(),
        limit: 1000,
        sort: 'ts:asc',
      });
      const total = bare.truth().accounts[0]!.auth_events;
      expect(new Set(scan.records.map((r) => r['txid'])).size).toBe(total);
      // The last page ends the scan itself: no empty page follows it.
      expect(scan.pages).toBe(Math.ceil(total / 1000));
    } finally {
      await bare.close();
    }
  });

  it('returns Duo metadata: array cursor, total_objects, null cursor on an empty page, limit clamped to 1000', async () => {
    const account = sim.info.accounts[0]!;
    const [mintime, maxtime] = window();
    const reply = await duoCall(sim.url, {
      keys: account.adminApi,
      path: authPath,
      params: { mintime: String(mintime), maxtime: String(maxtime), limit: '5000' },
    });
    const body = reply.body as {
      response: { authlogs: unknown[]; metadata: { next_offset: unknown; total_objects: number } };
    };
    expect(reply.contentType).toBe('application/json');
    expect(body.response.authlogs).toHaveLength(1000);
    expect(body.response.metadata.total_objects).toBe(sim.truth().accounts[0]!.auth_events);
    expect(body.response.metadata.next_offset).toEqual([expect.stringMatching(/^\d{13}$/), expect.any(String)]);
    const empty = await duoCall(sim.url, {
      keys: account.adminApi,
      path: authPath,
      params: { mintime: String(Date.now() - 60_000), maxtime: String(Date.now()) },
    });
    expect(empty.body).toEqual({
      stat: 'OK',
      response: { authlogs: [], metadata: { next_offset: null, total_objects: 0 } },
    });
  });

  // One instant for both bounds: two reads of the clock a millisecond apart made maxtime the later (CI saw a 200).
  const DAY_AGO = String(Date.now() - DAY);
  it.each([
    ['missing mintime', { maxtime: '1' }, "'mintime' is required"],
    [
      'seconds',
      { mintime: String(Math.floor(Date.now() / 1000) - 100), maxtime: String(Math.floor(Date.now() / 1000)) },
      "'mintime' must be a timestamp in milliseconds",
    ],
    [
      'older than 180 days',
      { mintime: String(Date.now() - 181 * DAY), maxtime: String(Date.now()) },
      'mintime must be within the past 180 days',
    ],
    [
      'maxtime not after mintime',
      { mintime: DAY_AGO, maxtime: DAY_AGO },
      "'maxtime' must be strictly greater than 'mintime'",
    ],
    [
      'bad sort',
      { mintime: String(Date.now() - DAY), maxtime: String(Date.now()), sort: 'ts' },
      "'sort' must be 'ts:asc' or 'ts:desc'",
    ],
    [
      'bad limit',
      { mintime: String(Date.now() - DAY), maxtime: String(Date.now()), limit: 'ten' },
      "'limit' must be a non-negative integer",
    ],
    [
      'bad cursor',
      { mintime: String(Date.now() - DAY), maxtime: String(Date.now()), next_offset: 'nope' },
      "'next_offset' must be '<timestamp ms>,<id>'",
    ],
  ])('answers 400/40002 for %s', async (_, params, detail) => {
    const reply = await duoCall(sim.url, { keys: sim.info.accounts[0]!.adminApi, path: authPath, params });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toBe('application/json');
    expect(reply.body).toEqual({
      stat: 'FAIL',
      code: 40002,
      message: 'Invalid request parameters',
      message_detail: detail,
    });
  });
});

describe('GET /admin/v2/logs/activity', () => {
  it('pages to the end with a "ts,id" string cursor and {relation,value} totals', async () => {
    const account = sim.info.accounts[2]!;
    const [mintime, maxtime] = window();
    const first = await duoCall(sim.url, {
      keys: account.adminApi,
      path: '/admin/v2/logs/activity',
      version: 5,
      params: { mintime: String(mintime), maxtime: String(maxtime), limit: '10', sort: 'ts:asc' },
    });
    const meta = (
      first.body as {
        response: { metadata: { next_offset: string; total_objects: { relation: string; value: number } } };
      }
    ).response.metadata;
    expect(meta.next_offset).toMatch(/^\d{13},[0-9a-f-]{36}$/);
    expect(meta.total_objects.relation).toBe('eq');
    const scan = await scanLog(sim.url, account.adminApi, {
      path: '/admin/v2/logs/activity',
      version: 5,
      window: [mintime, maxtime],
      limit: 100,
      sort: 'ts:asc',
    });
    const ids = scan.records.map((r) => r['activity_id']);
    expect(ids.length).toBe(meta.total_objects.value);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('live mode', () => {
  it('appends events as time passes and a cursor picks them up without repeats', async () => {
    const live = await startDuoSimulator({
      seed: 'live',
      accounts: 1,
      events: 200,
      historyDays: 1,
      live: true,
      speed: 5000,
      availabilityLagMs: 1000,
      rateLimits: false,
    });
    try {
      const keys = live.info.accounts[0]!.adminApi;
      const start = live.truth().accounts[0]!.auth_events;
      const deadline = Date.now() + 20_000;
      while (live.truth().accounts[0]!.auth_events < start + 20 && Date.now() < deadline) {
        await new Promise<void>((resolve) => setTimeout(resolve, 20)); // poll interval, bounded by the deadline
      }
      const scan = await scanLog(live.url, keys, {
        path: authPath,
        version: 2,
        window: [Date.now() - 2 * DAY, Date.now()],
        limit: 50,
        sort: 'ts:asc',
      });
      const txids = scan.records.map((r) => r['txid']);
      expect(txids.length).toBeGreaterThanOrEqual(start + 20);
      expect(new Set(txids).size).toBe(txids.length);
    } finally {
      await live.close();
    }
  });
});
