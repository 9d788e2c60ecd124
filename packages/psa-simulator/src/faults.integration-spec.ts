import { cw } from './__fixtures__/cw-client';
import { startPsaSimulator, type PsaSimulator } from './server';
import { expectSeededErrorPattern } from '@seatwise/sim-http/testing/determinism';

let sim: PsaSimulator;
beforeAll(async () => {
  sim = await startPsaSimulator({ seed: 'faults', companies: 5, rateLimits: { perMinute: 3 } });
});
afterAll(() => sim.close());

const companies = () => cw(sim, '/company/companies');

describe('rate limits', () => {
  it('answers 429 TooManyRequests with Retry-After once the budget is spent, and can be switched off', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await companies()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await companies();
    expect(limited.body).toMatchObject({ code: 'TooManyRequests' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    sim.setRateLimits(false);
    expect((await companies()).status).toBe(200);
    const put = await fetch(`${sim.url}/_sim/rate-limits`, { method: 'PUT', body: '{"perMinute":0}' });
    expect(put.status).toBe(400);
  });
});

describe('faults', () => {
  beforeAll(() => {
    sim.setRateLimits(false);
  });
  afterEach(() => {
    sim.setFaults({});
  });

  it('injects 500 and 503 in CW error shape', async () => {
    sim.setFaults({ error500: 1 });
    const a = await companies();
    expect([a.status, (a.body as { code: string }).code]).toEqual([500, 'InternalServerError']);
    sim.setFaults({ error503: 1 });
    const b = await companies();
    expect([b.status, (b.body as { code: string }).code]).toEqual([503, 'ServiceUnavailable']);
  });

  it('drops connections', async () => {
    sim.setFaults({ drop: 1 });
    await expect(companies()).rejects.toThrow(/fetch failed/);
  });

  it('serves malformed JSON', async () => {
    sim.setFaults({ malformed: 1 });
    const reply = await companies();
    expect(reply.status).toBe(200);
    expect(reply.text.startsWith('[{"id":')).toBe(true);
    expect(reply.body).toBeUndefined();
  });

  it('slows responses down', async () => {
    sim.setFaults({ slow: 1, slowMs: 300 });
    const started = Date.now();
    expect((await companies()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('can be set over /_sim/faults, and rejects invalid settings', async () => {
    const put = await fetch(`${sim.url}/_sim/faults`, { method: 'PUT', body: '{"error503":1}' });
    expect(put.status).toBe(200);
    expect((await companies()).status).toBe(503);
    expect(() => {
      sim.setFaults({ drop: 2 });
    }).toThrow(/faults: drop/);
  });

  it('injects a seeded fraction, identical for the same seed', async () => {
    await expectSeededErrorPattern(
      () => startPsaSimulator({ seed: 'fraction', companies: 1, rateLimits: false }),
      async (s) => (await cw(s, '/procurement/catalog/count')).status,
    );
  });
});
