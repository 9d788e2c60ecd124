import { waitFor } from '@seatwise/testing/wait';
import type { TruthAgreement } from '../data/truth';
import { startPsaSimulator, type PsaSimulator } from '../server';
import type { HaloInfo } from './halo-info';

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

function haloInfo(sim: PsaSimulator): HaloInfo {
  if (sim.info.mode !== 'halopsa') throw new Error(`not halopsa: ${sim.info.mode}`);
  return sim.info;
}

async function tokenReply(sim: PsaSimulator, fields: Record<string, string> = {}, tenant?: string): Promise<Reply> {
  const info = haloInfo(sim);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: info.clientId,
    client_secret: info.clientSecret,
    scope: 'all',
    ...fields,
  });
  const res = await fetch(`${info.authUrl}/token?tenant=${encodeURIComponent(tenant ?? info.tenant)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function token(sim: PsaSimulator): Promise<string> {
  const reply = await tokenReply(sim);
  expect(reply.status).toBe(200);
  return reply.body['access_token'] as string;
}

async function api(sim: PsaSimulator, bearer: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(`${haloInfo(sim).resourceUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const post = (sim: PsaSimulator, bearer: string, body: unknown) =>
  api(sim, bearer, '/RecurringInvoice', { method: 'POST', body: JSON.stringify(body) });

let sim: PsaSimulator;
let bearer: string;
beforeAll(async () => {
  sim = await startPsaSimulator({
    mode: 'halopsa',
    seed: 'halo-spec',
    duoPairing: { seed: 'halo-spec', accounts: 12 },
    rateLimits: false,
  });
  bearer = await token(sim);
});
afterAll(() => sim.close());

const activeInvoices = (): TruthAgreement[] =>
  sim.truth().companies.flatMap((c) => c.agreements.filter((a) => !a.cancelled));

describe('auth', () => {
  it('issues a Bearer token for the client credentials and refuses wrong ones in the OAuth shape', async () => {
    const ok = await tokenReply(sim);
    expect(ok.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: expect.any(String) as unknown,
    });
    const wrong = await tokenReply(sim, { client_secret: 'nope' });
    expect([wrong.status, wrong.body['error']]).toEqual([401, 'invalid_client']);
    const tenant = await tokenReply(sim, {}, 'elsewhere');
    expect(tenant.status).toBe(401);
    const grant = await tokenReply(sim, { grant_type: 'password' });
    expect([grant.status, grant.body['error']]).toEqual([400, 'unsupported_grant_type']);
  });

  it('answers 401 invalid_token without a valid token', async () => {
    const reply = await api(sim, 'made-up', '/Client');
    expect([reply.status, reply.body['error']]).toEqual([401, 'invalid_token']);
    expect(reply.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('expires tokens after halopsa.tokenTtlSeconds', async () => {
    const short = await startPsaSimulator({ mode: 'halopsa', companies: 3, halopsa: { tokenTtlSeconds: 1 } });
    try {
      const t = await token(short);
      expect((await api(short, t, '/Client')).status).toBe(200);
      await waitFor(async () => (await api(short, t, '/Client')).status === 401, {
        timeoutMs: 10_000,
        intervalMs: 100,
        description: 'the token to expire',
      });
      expect((await api(short, await token(short), '/Client')).status).toBe(200);
    } finally {
      await short.close();
    }
  });
});

describe('lists', () => {
  it('pages clients with pageinate/page_size/page_no and answers all without pageinate', async () => {
    const all = (await api(sim, bearer, '/Client')).body;
    const total = sim.truth().companies.length;
    expect(all['record_count']).toBe(total);
    const ids: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 4); page++) {
      const reply = await api(sim, bearer, `/client?pageinate=true&page_size=4&page_no=${page}`);
      expect(reply.body).toMatchObject({ page_no: page, page_size: 4, record_count: total });
      ids.push(...(reply.body['clients'] as { id: number }[]).map((c) => c.id));
    }
    expect(ids).toEqual((all['clients'] as { id: number }[]).map((c) => c.id));
    expect(ids).toEqual(sim.truth().companies.map((c) => c.id));
    expect((await api(sim, bearer, '/Client?pageinate=true&page_size=0')).status).toBe(400);
  });

  it('serves items with their price and recurring invoices by client, inactive ones only when asked', async () => {
    const items = (await api(sim, bearer, '/Item')).body['items'] as Record<string, unknown>[];
    expect(items.find((i) => i['code'] === 'DUO-ADVANTAGE')).toMatchObject({ name: 'Duo Advantage', baseprice: 6 });
    const company = sim.truth().companies.find((c) => c.agreements.some((a) => a.cancelled))!;
    const active = await api(sim, bearer, `/RecurringInvoice?client_id=${company.id}&includelines=true`);
    const all = await api(sim, bearer, `/RecurringInvoice?client_id=${company.id}&includeinactive=true`);
    const activeIds = company.agreements.filter((a) => !a.cancelled).map((a) => a.id);
    expect((active.body['invoices'] as { id: number }[]).map((i) => i.id)).toEqual(activeIds);
    expect((all.body['invoices'] as { id: number }[]).map((i) => i.id)).toEqual(company.agreements.map((a) => a.id));
    const invoice = (active.body['invoices'] as { lines: { qty_order: number; id: number }[] }[])[0]!;
    const truth = company.agreements.find((a) => !a.cancelled)!;
    expect(invoice.lines.map((l) => [l.id, l.qty_order])).toEqual(
      truth.additions.filter((x) => !x.cancelled).map((x) => [x.id, x.quantity]),
    );
    expect((all.body['invoices'] as Record<string, unknown>[])[0]).not.toHaveProperty('lines');
    expect((await api(sim, bearer, `/RecurringInvoice/${truth.id}`)).body).toMatchObject({
      id: truth.id,
      client_id: company.id,
      inactive: false,
      lines: invoice.lines,
    });
    expect((await api(sim, bearer, '/RecurringInvoice/999999')).status).toBe(404);
  });
});

describe('POST /api/RecurringInvoice', () => {
  it('changes a line by id and creates a line without id, answering the saved invoice', async () => {
    const invoice = activeInvoices().find((a) => a.additions.some((x) => !x.cancelled))!;
    const line = invoice.additions.find((x) => !x.cancelled)!;
    const changed = await post(sim, bearer, [
      { id: invoice.id, lines: [{ id: line.id, qty_order: line.quantity + 7 }] },
    ]);
    expect(changed.status).toBe(200);
    expect(changed.body['lines']).toContainEqual(
      expect.objectContaining({ id: line.id, qty_order: line.quantity + 7 }),
    );
    const after = () =>
      sim
        .truth()
        .companies.flatMap((c) => c.agreements)
        .find((a) => a.id === invoice.id)!;
    expect(after().additions.find((x) => x.id === line.id)?.quantity).toBe(line.quantity + 7);

    const items = (await api(sim, bearer, '/Item')).body['items'] as { id: number }[];
    const item = items.find((i) => !invoice.additions.some((x) => x.productId === i.id))!;
    const created = await post(sim, bearer, [{ id: invoice.id, lines: [{ item_id: item.id, qty_order: 9 }] }]);
    expect(created.status).toBe(201);
    const newLine = after().additions.find((x) => x.productId === item.id);
    expect(newLine).toMatchObject({ quantity: 9, cancelled: false });
    expect(created.body['lines']).toContainEqual(expect.objectContaining({ id: newLine!.id, item_id: item.id }));
  });

  it.each([
    ['an unknown invoice', () => [{ id: 999_999, lines: [] }]],
    ['an unknown item', (a: TruthAgreement) => [{ id: a.id, lines: [{ item_id: 999_999, qty_order: 1 }] }]],
    [
      'a negative quantity beside a good change',
      (a: TruthAgreement) => [
        {
          id: a.id,
          lines: [
            { id: a.additions.find((x) => !x.cancelled)!.id, qty_order: 3 },
            { item_id: a.additions[0]!.productId, qty_order: -2 },
          ],
        },
      ],
    ],
    ['not an array', (a: TruthAgreement) => ({ id: a.id, lines: [] })],
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const invoice = activeInvoices().find((a) => a.additions.some((x) => !x.cancelled))!;
    const before = JSON.stringify(sim.truth());
    const reply = await post(sim, bearer, body(invoice));
    expect([reply.status, reply.body['error']]).toEqual([400, 'BadRequest']);
    expect(JSON.stringify(sim.truth())).toBe(before);
  });

  it('logs each write in the request log', () => {
    const writes = sim.requests().filter((r) => r.method === 'POST' && /recurringinvoice$/i.test(r.path));
    expect(writes.map((w) => w.status)).toEqual([200, 201, 400, 400, 400, 400]);
  });
});

describe('faults and limits', () => {
  afterEach(() => {
    sim.setFaults({});
    sim.setRateLimits(false);
  });

  it('answers an injected 503 in the Halo shape, before auth', async () => {
    sim.setFaults({ error503: 1 });
    const reply = await api(sim, 'made-up', '/Client');
    expect([reply.status, reply.body['error']]).toEqual([503, 'ServiceUnavailable']);
  });

  it('answers 429 with Retry-After once the per-minute budget is spent', async () => {
    sim.setRateLimits({ perMinute: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(sim, bearer, '/Item')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await api(sim, bearer, '/Item');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
