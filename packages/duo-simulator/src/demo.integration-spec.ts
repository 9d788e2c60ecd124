import { duoCall } from './__fixtures__/duo-client';
import { startDuoSimulator, type DuoSimulator } from './server';

// What a client of the demo MSP meets: a child whose edition billing does not tell, and a restricted Admin key.
let sim: DuoSimulator;
beforeAll(async () => {
  sim = await startDuoSimulator({ seed: 'demo', accounts: 5, usersPerAccount: 20, events: 500, demo: true });
});
afterAll(() => sim.close());

it('answers billing/edition for every child but the fourth, which gets 403/40301 (and says so in the truth)', async () => {
  for (const [i, account] of sim.info.accounts.entries()) {
    const reply = await duoCall(sim.url, {
      keys: sim.info.accountsApi,
      path: '/admin/v1/billing/edition',
      params: { account_id: account.account_id },
    });
    expect(reply.body).toEqual(
      i === 3
        ? { stat: 'FAIL', code: 40301, message: 'Access forbidden' }
        : { stat: 'OK', response: { edition: account.edition } },
    );
  }
  expect(sim.truth().accounts.map((a) => a.edition_exposed)).toEqual([true, true, true, false, true]);
});

it('lists the restricted Admin API integration, which reads logs and information but not users', async () => {
  const [restricted] = sim.info.extraIntegrations;
  expect(restricted).toMatchObject({ type: 'admin', account_id: sim.info.accounts[4]?.account_id });
  const keys = { ikey: restricted?.ikey ?? '', skey: restricted?.skey ?? '' };
  const now = Date.now();
  const logs = await duoCall(sim.url, {
    keys,
    path: '/admin/v2/logs/authentication',
    params: { mintime: String(now - 86_400_000), maxtime: String(now - 180_000), limit: '10' },
  });
  expect(logs.status).toBe(200);
  expect((await duoCall(sim.url, { keys, path: '/admin/v1/info/summary' })).status).toBe(200);
  expect((await duoCall(sim.url, { keys, path: '/admin/v1/users' })).body).toMatchObject({ code: 40301 });
});
