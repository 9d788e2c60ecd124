import { waitFor } from '@seatwise/testing/wait';
import { duoCall } from './__fixtures__/duo-client';
import { startDuoSimulator, type DuoSimulator } from './server';

const DAY = 86_400_000;
const authPath = '/admin/v2/logs/authentication';

let sim: DuoSimulator;
beforeAll(async () => {
  // Live events (several a second per account) visible at once, so a pause has new events to hide.
  sim = await startDuoSimulator({
    seed: 'switches',
    accounts: 2,
    events: 2_000,
    historyDays: 2,
    live: true,
    speed: 2_000,
    availabilityLagMs: 0,
    rateLimits: false,
  });
});
afterAll(() => sim.close());

const account = (i: number) => sim.info.accounts[i]!;
const summary = (i: number) => duoCall(sim.url, { keys: account(i).adminApi, path: '/admin/v1/info/summary' });

async function newestLog(i: number): Promise<number> {
  const reply = await duoCall(sim.url, {
    keys: account(i).adminApi,
    path: authPath,
    params: { mintime: String(Date.now() - 3 * DAY), maxtime: String(Date.now()), limit: '1', sort: 'ts:desc' },
  });
  const body = reply.body as { response: { authlogs: { timestamp: number }[] } };
  return body.response.authlogs[0]?.timestamp ?? 0;
}

async function simCall(
  method: 'GET' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const json: unknown = await res.json();
  return { status: res.status, body: json };
}

describe('key revocation', () => {
  it('answers 401/40102 for a revoked key only, until it is restored (in process)', async () => {
    sim.revokeKey(account(0).adminApi.ikey);
    expect((await summary(0)).body).toEqual({
      stat: 'FAIL',
      code: 40102,
      message: 'Invalid integration key in request credentials',
    });
    expect((await summary(1)).status).toBe(200);
    sim.restoreKey(account(0).adminApi.ikey);
    expect((await summary(0)).status).toBe(200);
    expect(() => {
      sim.revokeKey('DINOSUCHKEY');
    }).toThrow(/unknown integration keys/);
  });

  it('does the same through PUT /_sim/keys, refusing bad bodies', async () => {
    const ikey = account(1).adminApi.ikey;
    expect((await simCall('PUT', '/_sim/keys', { ikey, revoked: true })).status).toBe(200);
    expect((await summary(1)).status).toBe(401);
    expect((await simCall('GET', '/_sim/keys')).body).toMatchObject({ response: { revokedKeys: [ikey] } });
    expect((await simCall('PUT', '/_sim/keys', { ikey, revoked: false })).status).toBe(200);
    expect((await summary(1)).status).toBe(200);
    for (const bad of [{ ikey }, { ikey: 'DINOPE', revoked: true }, 'x']) {
      expect((await simCall('PUT', '/_sim/keys', bad)).status).toBe(400);
    }
  });
});

describe('paused logs', () => {
  it('serves nothing newer than the pause for that account only, and everything again on resume', async () => {
    const before = await newestLog(0);
    expect(before).toBeGreaterThan(0);
    sim.pauseLogs(account(0).account_id);
    const pausedAt = Math.ceil(Date.now() / 1_000);
    // The other account's logs move on past the pause…
    await waitFor(async () => (await newestLog(1)) > pausedAt + 1, { description: 'account 1 logs after the pause' });
    // …while the paused account's stop at it.
    expect(await newestLog(0)).toBeLessThanOrEqual(pausedAt);
    expect((await simCall('GET', '/_sim/logs')).body).toMatchObject({
      response: { pausedLogs: [{ accountId: account(0).account_id }] },
    });
    expect((await simCall('PUT', '/_sim/logs', { accountId: account(0).account_id, paused: false })).status).toBe(200);
    expect(await newestLog(0)).toBeGreaterThan(pausedAt);
    expect((await simCall('PUT', '/_sim/logs', { accountId: 'DANOPE', paused: true })).status).toBe(400);
  });
});
