import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { serve, type LocalServer } from './__fixtures__/local-server';
import { writeJson } from './respond';
import { type SimControl, type SimDialect, simRequestListener } from './sim-routes';

const dialect: SimDialect = {
  faultsSchema: z
    .object({ drop: z.number().min(0).max(1) })
    .partial()
    .strict(),
  rateLimitsSchema: z.object({ perMinute: z.number().int().positive() }).strict(),
  send: (res: ServerResponse, status: number, body: unknown) => {
    writeJson(res, status, JSON.stringify(body), 'application/json');
  },
  ok: { stat: 'OK' },
  failure: (status, message) => ({ status, message }),
};

describe('the /_sim surface', () => {
  let server: LocalServer;
  const applied: { faults: unknown[]; limits: unknown[] } = { faults: [], limits: [] };
  const control: SimControl = {
    info: () => ({ url: 'http://sim' }),
    truth: () => ({ accounts: [{ id: 'A', paired: null }] }),
    setFaults: (faults) => applied.faults.push(faults),
    setRateLimits: (limits) => applied.limits.push(limits),
  };

  beforeAll(async () => {
    server = await serve(
      simRequestListener('test-sim', { control, dialect }, (req, res) => {
        if (req.url === '/explode') return Promise.reject(new Error('a bug'));
        writeJson(res, 200, JSON.stringify({ api: req.url }), 'application/json');
        return Promise.resolve();
      }),
    );
  });

  afterAll(() => server.close());

  beforeEach(() => {
    applied.faults.length = 0;
    applied.limits.length = 0;
  });

  async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const reply = await fetch(`${server.url}${path}`, init);
    return { status: reply.status, body: await reply.json() };
  }

  it('answers truth and config as they are', async () => {
    expect(await call('/_sim/truth')).toEqual({ status: 200, body: { accounts: [{ id: 'A', paired: null }] } });
    expect(await call('/_sim/config')).toEqual({ status: 200, body: { url: 'http://sim' } });
  });

  it('applies valid settings, and `false` as "no rate limits"', async () => {
    expect(await call('/_sim/faults', { method: 'PUT', body: '{"drop":0.5}' })).toEqual({
      status: 200,
      body: { stat: 'OK' },
    });
    expect(await call('/_sim/rate-limits', { method: 'PUT', body: 'false' })).toEqual({
      status: 200,
      body: { stat: 'OK' },
    });
    expect(applied).toEqual({ faults: [{ drop: 0.5 }], limits: [false] });
  });

  it('refuses invalid or unreadable settings with a 400 naming the issues, and applies nothing', async () => {
    const bad = await call('/_sim/faults', { method: 'PUT', body: '{"drop":5}' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ status: 400, message: expect.stringMatching(/^invalid body: drop: /) as unknown });
    expect((await call('/_sim/rate-limits', { method: 'PUT', body: 'not json' })).status).toBe(400);
    expect(applied).toEqual({ faults: [], limits: [] });
  });

  it('answers 404 in the dialect for any other /_sim path or verb', async () => {
    expect(await call('/_sim/faults')).toEqual({
      status: 404,
      body: { status: 404, message: 'unknown simulator path GET /_sim/faults' },
    });
  });

  it('sends everything else to the API, and drops the connection when the API fails', async () => {
    expect(await call('/admin/v1/users?limit=1')).toEqual({ status: 200, body: { api: '/admin/v1/users?limit=1' } });
    // The listener also logs "test-sim: Error: a bug" to stderr, for whoever runs the simulator.
    await expect(fetch(`${server.url}/explode`)).rejects.toThrow();
  });
});
