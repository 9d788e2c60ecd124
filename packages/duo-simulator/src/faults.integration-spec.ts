import { duoCall } from './__fixtures__/duo-client';
import { startDuoSimulator, type DuoSimulator } from './server';
import { expectSeededErrorPattern } from '@seatwise/sim-http/testing/determinism';

let sim: DuoSimulator;
beforeAll(async () => {
  sim = await startDuoSimulator({ seed: 'faults', accounts: 2, events: 500, rateLimits: { logs: 2, single: 3 } });
});
afterAll(() => sim.close());

const summary = (i = 0) => duoCall(sim.url, { keys: sim.info.accounts[i]!.adminApi, path: '/admin/v1/info/summary' });

describe('rate limits', () => {
  it('answers 429/42901 without Retry-After once an account exhausts a class, per account, and can be switched off', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await summary()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await summary();
    expect(limited.body).toEqual({ stat: 'FAIL', code: 42901, message: 'Too Many Requests' });
    expect((await summary(1)).status).toBe(200);
    sim.setRateLimits(false);
    expect((await summary()).status).toBe(200);
    sim.setRateLimits({ logs: 2, single: 3 });
  });
});

describe('faults', () => {
  afterEach(() => {
    sim.setFaults({});
  });

  it('injects 500/50001 and 503/50301', async () => {
    sim.setFaults({ error500: 1 });
    expect((await summary(1)).body).toEqual({ stat: 'FAIL', code: 50001, message: 'Unknown internal server error' });
    sim.setFaults({ error503: 1 });
    const reply = await summary(1);
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ code: 50301 });
  });

  it('injects 429/42901 regardless of the rate limiter', async () => {
    sim.setFaults({ error429: 1 });
    const reply = await summary(1);
    expect(reply.status).toBe(429);
    expect(reply.body).toEqual({ stat: 'FAIL', code: 42901, message: 'Too Many Requests' });
  });

  it('drops connections', async () => {
    sim.setFaults({ drop: 1 });
    await expect(summary(1)).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it.each(['truncate', 'malformed'] as const)('serves %s JSON', async (kind) => {
    sim.setRateLimits(false);
    sim.setFaults({ [kind]: 1 });
    const reply = await summary(1);
    expect(reply.status).toBe(200);
    expect(reply.text.startsWith('{"stat":"OK"')).toBe(true);
    expect(reply.body).toBeUndefined(); // not parseable
  });

  it('slows responses down', async () => {
    sim.setRateLimits(false);
    sim.setFaults({ slow: 1, slowMs: 300 });
    const started = Date.now();
    expect((await summary(1)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('injects a seeded fraction, identical for the same seed', async () => {
    await expectSeededErrorPattern(
      () => startDuoSimulator({ seed: 'fraction', accounts: 1, events: 10, rateLimits: false }),
      async (s) =>
        (await duoCall(s.url, { keys: s.info.accounts[0]!.adminApi, path: '/admin/v1/info/summary' })).status,
    );
  });

  it('rejects invalid fault settings with a clear error', () => {
    expect(() => {
      sim.setFaults({ drop: 2 });
    }).toThrow(/faults: drop/);
  });
});
