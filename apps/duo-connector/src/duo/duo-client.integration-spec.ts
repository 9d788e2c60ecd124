import { Clock } from '@seatwise/platform/clock/clock';
import { startDuoSimulator, type DuoSimulator } from '@seatwise/duo-simulator/server';
import { DUO_EDITIONS } from '@seatwise/shared/contracts/duo-events';
import { rejection } from './__fixtures__/client-setup';
import { recorder } from './__fixtures__/fakes';
import type { DuoClient } from './duo-client';
import { DuoClientFactory, type DuoClientSettingsInput } from './duo-client.factory';
import { Sleeper } from './duo-retry';
import { DuoTransport } from './duo-transport';
import { allowingOnly } from '@seatwise/platform/testing/outbound';

const DAY = 86_400_000;
let sim: DuoSimulator;

beforeAll(async () => {
  sim = await startDuoSimulator({
    seed: 'duo-client',
    accounts: 2,
    usersPerAccount: 650,
    events: 4000,
    historyDays: 3,
    rateLimits: false,
    extraIntegrations: [{ type: 'admin', account: 0, permissions: ['read_information', 'read_resource'] }],
  });
});
afterAll(() => sim.close());

// Real transport, real timers, but 1 ms backoff so retries cost nothing.
function factory(settings: DuoClientSettingsInput = {}): DuoClientFactory {
  return new DuoClientFactory(new DuoTransport(allowingOnly(sim.url)), new Clock(), new Sleeper(), {
    ...settings,
    retry: { baseDelayMs: 1, rateLimitBaseDelayMs: 1, maxDelayMs: 5, ...settings.retry },
  });
}
function clientFor(keys: { ikey: string; skey: string }, settings?: DuoClientSettingsInput): DuoClient {
  return factory(settings).create({ apiHostname: sim.url, integrationKey: keys.ikey, secretKey: keys.skey });
}
function adminClient(index: number, settings?: DuoClientSettingsInput): DuoClient {
  return clientFor(sim.info.accounts[index]!.adminApi, settings);
}
function parentClient(settings?: DuoClientSettingsInput): DuoClient {
  return clientFor(sim.info.accountsApi, settings);
}
const window = () => ({ mintime: Date.now() - 4 * DAY, maxtime: Date.now() - 120_000 });

async function scanAuthLogs(
  client: DuoClient,
  limit?: number,
): Promise<{ txids: string[]; pages: number; total: number | null }> {
  const txids: string[] = [];
  const { mintime, maxtime } = window();
  let nextOffset: [string, string] | null = null;
  let pages = 0;
  let total: number | null = null;
  do {
    const page = await client.authLogs({ mintime, maxtime, nextOffset, ...(limit === undefined ? {} : { limit }) });
    txids.push(...page.records.map((r) => (r as { txid: string }).txid));
    total ??= page.totalObjects;
    nextOffset = page.nextOffset;
    pages++;
  } while (nextOffset !== null);
  return { txids, pages, total };
}

async function scanUsers(client: DuoClient, limit?: number): Promise<string[]> {
  const ids: string[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page = await client.users({ offset, ...(limit === undefined ? {} : { limit }) });
    ids.push(...page.users.map((u) => (u as { user_id: string }).user_id));
    offset = page.nextOffset;
  }
  return ids;
}

describe('DuoClient against the simulator', () => {
  it('pages auth logs to the end: every event of the account once, in order', async () => {
    const truth = sim.truth().accounts[0]!;
    const scan = await scanAuthLogs(adminClient(0));
    expect(truth.auth_events).toBeGreaterThan(1000);
    expect(scan.txids).toHaveLength(truth.auth_events);
    expect(new Set(scan.txids).size).toBe(truth.auth_events);
    expect(scan.total).toBe(truth.auth_events);
    expect(scan.pages).toBe(Math.ceil(truth.auth_events / 1000) + 1); // the last call returns the empty page
  });

  it('pages users to the end with default and small limits', async () => {
    const truth = sim.truth().accounts[1]!;
    const all = await scanUsers(adminClient(1));
    expect(all).toHaveLength(truth.users);
    expect(new Set(all).size).toBe(truth.users);
    expect(await scanUsers(adminClient(1), 97)).toEqual(all);
  });

  it('reads the info summary', async () => {
    const truth = sim.truth().accounts[0]!;
    const summary = await adminClient(0).infoSummary();
    expect(summary.userCount).toBe(truth.billable_seats);
    expect(summary.userCount + summary.pendingDeletionCount).toBe(truth.users);
    expect(summary.adminCount).toBeGreaterThan(0);
    expect(summary.integrationCount).toBeGreaterThan(0);
  });

  it('lists child accounts and reaches them with the parent keys via forChild (v5 and v2)', async () => {
    for (const settings of [
      {},
      { signatureVersion: 2 as const },
      { signatureVersion: 2 as const, v2Digest: 'sha1' as const },
    ]) {
      const parent = parentClient(settings);
      const children = await parent.childAccounts();
      expect(children.map((c) => c.accountId)).toEqual(sim.info.accounts.map((a) => a.account_id));
      const truth = sim.truth().accounts;
      for (const [i, child] of children.entries()) {
        const client = parent.forChild(child);
        expect(client.baseUrl).toBe(sim.url); // bare host:port inherited the parent's http scheme
        const expectedEdition = (DUO_EDITIONS as readonly string[]).includes(truth[i]!.edition)
          ? truth[i]!.edition
          : null;
        expect(await client.edition()).toBe(expectedEdition);
        expect((await client.infoSummary()).userCount).toBe(truth[i]!.billable_seats);
        expect((await client.users({ offset: 0, limit: 5 })).totalObjects).toBe(truth[i]!.users);
      }
      const scan = await scanAuthLogs(parent.forChild(children[1]!));
      expect(new Set(scan.txids).size).toBe(truth[1]!.auth_events);
      expect(scan.txids).toHaveLength(truth[1]!.auth_events);
    }
  });

  it('returns null edition when billing is refused (direct Admin API key → 40301)', async () => {
    expect(await adminClient(0).edition()).toBeNull();
  });

  it('maps a bad secret to CONNECTOR.DUO_UNAUTHORIZED 40103 without retrying or leaking the secret', async () => {
    const hook = recorder();
    const keys = sim.info.accounts[0]!.adminApi;
    const wrongSecret = `${keys.skey.slice(0, -1)}x`;
    const client = clientFor({ ikey: keys.ikey, skey: wrongSecret }, { onAttempt: hook.onAttempt });
    const error = await rejection(client.infoSummary());
    expect(error).toMatchObject({
      code: 'CONNECTOR.DUO_UNAUTHORIZED',
      duoCode: 40103,
      httpStatus: 401,
      retryable: false,
    });
    expect(error.message).toBe('Duo 40103: Invalid signature in request credentials');
    expect(JSON.stringify(error) + error.message).not.toContain(wrongSecret);
    expect(hook.reports).toHaveLength(1);
  });

  it('maps a key without read-log permission to CONNECTOR.DUO_FORBIDDEN 40301', async () => {
    const client = clientFor(sim.info.extraIntegrations[0]!);
    const error = await rejection(client.authLogs(window()));
    expect(error).toMatchObject({ code: 'CONNECTOR.DUO_FORBIDDEN', duoCode: 40301, httpStatus: 403, retryable: false });
    expect((await client.users({ offset: 0, limit: 1 })).users).toHaveLength(1); // its other grants still work
  });

  it('maps a bad parameter to CONNECTOR.DUO_BAD_REQUEST 40002', async () => {
    const error = await rejection(adminClient(0).authLogs({ mintime: Date.now() - 200 * DAY, maxtime: Date.now() }));
    expect(error).toMatchObject({ code: 'CONNECTOR.DUO_BAD_REQUEST', duoCode: 40002, retryable: false });
  });
});

describe('DuoClient under simulator faults and rate limits', () => {
  afterEach(() => {
    sim.setFaults({});
    sim.setRateLimits(false);
  });

  it('returns every record exactly once despite 500s, 503s, drops, truncation, malformed JSON and timeouts', async () => {
    // slow = held far beyond the client's timeout, so those attempts time out.
    sim.setFaults({
      error500: 0.07,
      error503: 0.07,
      drop: 0.07,
      truncate: 0.07,
      malformed: 0.07,
      slow: 0.02,
      slowMs: 60_000,
    });
    const hook = recorder();
    const client = adminClient(0, { onAttempt: hook.onAttempt, timeoutMs: 400, retry: { maxAttempts: 12 } });
    const truth = sim.truth().accounts[0]!;
    const scan = await scanAuthLogs(client, 100);
    expect(scan.txids).toHaveLength(truth.auth_events);
    expect(new Set(scan.txids).size).toBe(truth.auth_events);
    const users = await scanUsers(client, 50);
    expect(new Set(users).size).toBe(truth.users);
    const outcomes = new Set(hook.reports.map((r) => r.outcome));
    expect(outcomes).toEqual(new Set(['ok', 'CONNECTOR.DUO_UNAVAILABLE', 'CONNECTOR.DUO_MALFORMED_RESPONSE']));
    expect(hook.reports.some((r) => r.status === null)).toBe(true); // drops/timeouts: no status
    expect(hook.reports.some((r) => r.status === 503)).toBe(true);
  }, 60_000);

  it('times out a stalled response and succeeds on the retry', async () => {
    sim.setFaults({ slow: 1, slowMs: 60_000 });
    const hook = recorder();
    const client = adminClient(0, {
      timeoutMs: 200,
      onAttempt: (r) => {
        hook.onAttempt(r);
        sim.setFaults({});
      },
    });
    expect((await client.infoSummary()).userCount).toBe(sim.truth().accounts[0]!.billable_seats);
    expect(hook.reports.map((r) => [r.status, r.outcome])).toEqual([
      [null, 'CONNECTOR.DUO_UNAVAILABLE'],
      [200, 'ok'],
    ]);
    expect(hook.reports[0]!.durationMs).toBeGreaterThanOrEqual(190);
  });

  it('retries 429s, reports them, and throws CONNECTOR.DUO_RATE_LIMITED when the budget stays exhausted', async () => {
    sim.setRateLimits({ logs: 2 });
    const hook = recorder();
    const client = adminClient(1, { onAttempt: hook.onAttempt, retry: { maxAttempts: 4 } });
    const { mintime, maxtime } = window();
    await client.authLogs({ mintime, maxtime, limit: 10 });
    await client.authLogs({ mintime, maxtime, limit: 10 });
    const error = await rejection(client.authLogs({ mintime, maxtime, limit: 10 }));
    expect(error).toMatchObject({
      code: 'CONNECTOR.DUO_RATE_LIMITED',
      duoCode: 42901,
      httpStatus: 429,
      retryable: true,
    });
    expect(hook.reports.map((r) => r.status)).toEqual([200, 200, 429, 429, 429, 429]);
  });
});
