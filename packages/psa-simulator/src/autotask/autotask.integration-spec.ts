import { startPsaSimulator, type PsaSimulator } from '../server';
import { at, atUrl, query, queryAll, type Item, type QueryPage } from './__fixtures__/at-client';
import { unitsOfTruth } from './at-truth';
import { autotaskInfoOf } from './autotask-info';

let sim: PsaSimulator;
beforeAll(async () => {
  sim = await startPsaSimulator({ mode: 'autotask', seed: 'at-api', companies: 1200, rateLimits: false });
});
afterAll(() => sim.close());

const info = () => autotaskInfoOf(sim.info);
const today = () => new Date().toISOString().slice(0, 10);
const items = (reply: { body: unknown }) => (reply.body as QueryPage).items;
const ids = (list: Item[]) => list.map((x) => x['id'] as number);
const errorsOf = (reply: { body: unknown }) => (reply.body as { errors: string[] }).errors;
const customers = { op: 'eq', field: 'companyType', value: 1 };

describe('zone discovery', () => {
  it('answers the zone of the API user without auth, and 404 for an unknown user', async () => {
    const user = encodeURIComponent(info().userName.toUpperCase());
    const reply = await fetch(`${info().zoneDiscoveryUrl}/atservicesrest/v1.0/ZoneInformation?user=${user}`);
    expect(reply.status).toBe(200);
    const zone = (await reply.json()) as { url: string; webUrl: string; zoneName: string; ci: number };
    expect(zone).toEqual({
      zoneName: 'Seatwise Simulator',
      url: `${sim.url}/atservicesrest/`,
      webUrl: `${sim.url}/`,
      ci: 0,
    });
    const company = sim.truth().companies[0]!;
    const byId = await atUrl(sim, `${zone.url}V1.0/Companies/${company.id}`);
    expect(byId.body).toMatchObject({ item: { id: company.id, companyName: company.name, companyType: 1 } });

    const unknown = await fetch(`${sim.url}/atservicesrest/v1.0/ZoneInformation?user=nobody@example.com`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errors: [expect.stringContaining('nobody@example.com')] });
  });

  it('serves the mode info on /_sim/config', async () => {
    const config = (await (await fetch(`${sim.url}/_sim/config`)).json()) as Record<string, unknown>;
    expect(config).toEqual({ ...info() });
    expect(info()).toMatchObject({ mode: 'autotask', zoneDiscoveryUrl: sim.url });
  });
});

describe('auth', () => {
  it.each([
    ['no ApiIntegrationCode', { ApiIntegrationCode: null }],
    ['no UserName', { UserName: null }],
    ['no Secret', { Secret: null }],
    ['a wrong secret', { Secret: 'wrong' }],
    ['a wrong integration code', { ApiIntegrationCode: 'ABC' }],
    ['another user', { UserName: 'other@seatwise-sim.example' }],
  ] as [string, Record<string, string | null>][])('401 for %s', async (_, headers) => {
    const reply = await at(sim, '/Companies/query', { method: 'POST', body: { filter: [customers] }, headers });
    expect(reply.status).toBe(401);
    expect(errorsOf(reply)).toEqual([expect.any(String)]);
  });

  it('takes the user name case-insensitively', async () => {
    const reply = await at(sim, '/Companies/query', {
      method: 'POST',
      body: { filter: [customers], MaxRecords: 1 },
      headers: { UserName: info().userName.toUpperCase() },
    });
    expect(reply.status).toBe(200);
  });
});

describe('query', () => {
  it('filters customers out of the companies (a few non-customers exist only in this dialect)', async () => {
    const all = await queryAll(sim, 'Companies', { filter: [{ op: 'gte', field: 'id', value: 0 }] });
    const only = await queryAll(sim, 'Companies', { filter: [customers] });
    expect(ids(only.items)).toEqual(sim.truth().companies.map((c) => c.id));
    expect(all.items.length).toBe(only.items.length + 3);
    expect(all.items.filter((c) => c['companyType'] !== 1).map((c) => c['companyNumber'])).toEqual([null, null, null]);
  });

  it('supports the comparison, text, list, existence and grouping operators', async () => {
    const truth = sim.truth().companies;
    const [a, b, c] = [truth[3]!, truth[10]!, truth[20]!];
    const run = async (filter: unknown[]) => ids((await queryAll(sim, 'Companies', { filter })).items);
    expect(await run([{ op: 'in', field: 'id', value: [c.id, a.id, b.id] }])).toEqual([a.id, b.id, c.id]);
    expect(
      await run([
        { op: 'gt', field: 'id', value: a.id },
        { op: 'lte', field: 'id', value: b.id },
      ]),
    ).toEqual(truth.filter((x) => x.id > a.id && x.id <= b.id).map((x) => x.id));
    expect(
      await run([customers, { op: 'lt', field: 'id', value: b.id }, { op: 'noteq', field: 'id', value: a.id }]),
    ).toEqual(truth.filter((x) => x.id < b.id && x.id !== a.id).map((x) => x.id));
    expect(
      await run([{ op: 'notIn', field: 'id', value: [a.id] }, { op: 'gte', field: 'id', value: b.id }, customers]),
    ).toEqual(truth.filter((x) => x.id >= b.id).map((x) => x.id));
    expect(await run([{ op: 'eq', field: 'companyNumber', value: a.identifier.toLowerCase() }])).toEqual([a.id]);
    expect(await run([{ op: 'beginsWith', field: 'companyNumber', value: a.identifier }])).toContain(a.id);
    expect(await run([{ op: 'endsWith', field: 'companyName', value: b.name.slice(-6) }])).toContain(b.id);
    expect(await run([{ op: 'contains', field: 'companyName', value: c.name.slice(2, 8).toUpperCase() }])).toContain(
      c.id,
    );
    expect((await run([{ op: 'notExist', field: 'companyNumber' }])).length).toBe(3);
    expect((await run([{ op: 'exist', field: 'companyNumber' }])).length).toBe(truth.length);
    const either = {
      op: 'or',
      items: [
        { op: 'eq', field: 'id', value: a.id },
        { op: 'eq', field: 'id', value: c.id },
      ],
    };
    expect(await run([either])).toEqual([a.id, c.id]);
    const both = { op: 'and', items: [either, { op: 'noteq', field: 'id', value: c.id }] };
    expect(await run([both])).toEqual([a.id]);
  });

  it('compares dates as instants, and returns only IncludeFields (and id)', async () => {
    const all = (await queryAll(sim, 'Companies', { filter: [customers] })).items;
    const stamps = all.map((x) => x['lastTrackedModifiedDateTime'] as string).sort();
    const median = stamps[Math.floor(stamps.length / 2)]!;
    const since = await queryAll(sim, 'Companies', {
      filter: [customers, { op: 'gte', field: 'lastTrackedModifiedDateTime', value: median.replace('Z', '') }],
      IncludeFields: ['lastTrackedModifiedDateTime'],
    });
    expect(since.items.length).toBe(stamps.filter((s) => s >= median).length);
    expect(Object.keys(since.items[0]!).sort()).toEqual(['id', 'lastTrackedModifiedDateTime']);
  });

  it('counts, reads by id, and takes the query as a GET search parameter', async () => {
    const count = await at(sim, '/Companies/query/count', { method: 'POST', body: { filter: [customers] } });
    expect(count.body).toEqual({ queryCount: sim.truth().companies.length });
    const search = encodeURIComponent(JSON.stringify({ filter: [customers], MaxRecords: 2 }));
    expect(items(await at(sim, `/Companies/query?search=${search}`))).toHaveLength(2);
    const missing = await at(sim, '/Companies/99999999');
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)).toEqual([expect.any(String)]);
  });

  it.each([
    ['no filter', {}],
    ['an empty filter', { filter: [] }],
    ['an unknown field', { filter: [{ op: 'eq', field: 'nope', value: 1 }] }],
    ['an unknown operator', { filter: [{ op: 'like', field: 'id', value: 1 }] }],
    ['a value of the wrong type', { filter: [{ op: 'eq', field: 'id', value: 'abc' }] }],
    ['an in without a list', { filter: [{ op: 'in', field: 'id', value: 3 }] }],
    ['an or without items', { filter: [{ op: 'or', items: [] }] }],
    ['MaxRecords over 500', { filter: [customers], MaxRecords: 501 }],
    ['an unknown IncludeField', { filter: [customers], IncludeFields: ['nope'] }],
  ])('400 for %s', async (_, body) => {
    const reply = await query(sim, 'Companies', body);
    expect(reply.status).toBe(400);
    expect(errorsOf(reply).length).toBeGreaterThan(0);
  });
});

describe('paging', () => {
  it('serves at most 500 records a page with absolute next and previous page URLs', async () => {
    const first = await query(sim, 'Companies', { filter: [customers] });
    const page = first.body as QueryPage;
    expect(page.items).toHaveLength(500);
    expect(page.pageDetails).toMatchObject({ count: 500, requestCount: 500, prevPageUrl: null });
    expect(page.pageDetails.nextPageUrl?.startsWith(`${sim.url}/atservicesrest/v1.0/Companies/query/next?`)).toBe(true);
    const second = (await atUrl(sim, page.pageDetails.nextPageUrl!)).body as QueryPage;
    expect(ids(second.items)[0]).toBeGreaterThan(ids(page.items).at(-1)!);
    const back = (await atUrl(sim, second.pageDetails.prevPageUrl!)).body as QueryPage;
    expect(ids(back.items)).toEqual(ids(page.items));

    const all = await queryAll(sim, 'Companies', { filter: [customers] });
    expect(all.pages).toBe(3);
    expect(ids(all.items)).toEqual(sim.truth().companies.map((c) => c.id));
  });

  it('takes MaxRecords as the page size', async () => {
    const all = await queryAll(sim, 'Services', { filter: [{ op: 'gte', field: 'id', value: 0 }], MaxRecords: 4 });
    expect(all.pages).toBe(Math.ceil(all.items.length / 4));
    expect(new Set(ids(all.items)).size).toBe(all.items.length);
  });
});

describe('read-only and create-only entities', () => {
  it.each([
    ['POST', '/ContractServices'],
    ['PATCH', '/ContractServices'],
    ['PUT', '/ContractServices'],
    ['PATCH', '/ContractServices/1'],
    ['DELETE', '/ContractServices/1'],
    ['POST', '/ContractServiceUnits'],
    ['PATCH', '/ContractServiceUnits'],
    ['DELETE', '/ContractServiceUnits/1'],
    ['GET', '/ContractServiceAdjustments/1'],
    ['POST', '/ContractServiceAdjustments/query'],
    ['PATCH', '/ContractServiceAdjustments'],
  ] as const)('405 for %s %s', async (method, path) => {
    const reply = await at(sim, path, method === 'GET' ? {} : { method, body: { id: 1 } });
    expect(reply.status).toBe(405);
    expect(errorsOf(reply)).toEqual([expect.any(String)]);
  });

  it('404 for an unknown entity', async () => {
    expect((await at(sim, '/Widgets/query', { method: 'POST', body: { filter: [customers] } })).status).toBe(404);
  });
});

describe('contract service adjustments', () => {
  const activeLine = () => {
    for (const company of sim.truth().companies) {
      for (const agreement of company.agreements.filter((a) => !a.cancelled)) {
        const line = agreement.additions.find((x) => !x.cancelled && x.quantity > 3);
        if (line) return { company, agreement, line };
      }
    }
    throw new Error('no active line');
  };
  const unitsToday = async (contractServiceId: number) => {
    const reply = await query(sim, 'ContractServiceUnits', {
      filter: [
        { op: 'eq', field: 'contractServiceID', value: contractServiceId },
        { op: 'lte', field: 'startDate', value: today() },
        { op: 'gte', field: 'endDate', value: today() },
      ],
    });
    return items(reply).map((x) => x['units']);
  };
  const adjust = (body: unknown) => at(sim, '/ContractServiceAdjustments', { method: 'POST', body });

  it('changes units from the effective date on, keeps the dated history, and moves the world quantity', async () => {
    const { agreement, line } = activeLine();
    const reply = await adjust({
      contractID: agreement.id,
      serviceID: line.productId,
      unitChange: 5,
      effectiveDate: `${today()}T15:30:00Z`,
    });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body as object)).toEqual(['itemId']);
    expect(Number.isInteger((reply.body as { itemId: unknown }).itemId)).toBe(true);
    expect(await unitsToday(line.id)).toEqual([line.quantity + 5]);
    const after = sim
      .truth()
      .companies.flatMap((c) => c.agreements)
      .find((a) => a.id === agreement.id)!;
    expect(after.additions.find((x) => x.id === line.id)?.quantity).toBe(line.quantity + 5);
    const periods = unitsOfTruth(sim.truth()).find((u) => u.contractServiceId === line.id)!.periods;
    expect(periods.at(-1)).toMatchObject({ startDate: today(), units: line.quantity + 5 });
    expect(periods.at(-2)).toMatchObject({ units: line.quantity });
    expect(periods.at(-2)!.endDate < today()).toBe(true);

    const negative = await adjust({
      contractID: agreement.id,
      serviceID: line.productId,
      unitChange: -(line.quantity + 6),
      effectiveDate: today(),
    });
    expect(negative.status).toBe(400);
    expect(await unitsToday(line.id)).toEqual([line.quantity + 5]);
  });

  it('adds a service the contract lacks, with the change as its units', async () => {
    const { company, agreement } = activeLine();
    const services = ids((await queryAll(sim, 'Services', { filter: [{ op: 'gte', field: 'id', value: 0 }] })).items);
    const serviceId = services.find((id) => !agreement.additions.some((x) => x.productId === id))!;
    const reply = await adjust({
      contractID: agreement.id,
      serviceID: serviceId,
      unitChange: 7,
      effectiveDate: today(),
    });
    expect(reply.status).toBe(200);
    const added = sim
      .truth()
      .companies.find((c) => c.id === company.id)!
      .agreements.find((a) => a.id === agreement.id)!
      .additions.filter((x) => x.productId === serviceId);
    expect(added).toEqual([expect.objectContaining({ quantity: 7, cancelled: false })]);
    const lines = await query(sim, 'ContractServices', {
      filter: [
        { op: 'eq', field: 'contractID', value: agreement.id },
        { op: 'eq', field: 'serviceID', value: serviceId },
      ],
    });
    expect(items(lines)).toEqual([expect.objectContaining({ id: added[0]!.id, adjustedPrice: null })]);
    expect(await unitsToday(added[0]!.id)).toEqual([7]);
  });

  it('refuses inactive and non-recurring contracts, and reports every bad field at once', async () => {
    const cancelled = sim
      .truth()
      .companies.flatMap((c) => c.agreements)
      .find((a) => a.cancelled)!;
    const contracts = await queryAll(sim, 'Contracts', { filter: [{ op: 'noteq', field: 'contractType', value: 7 }] });
    expect(contracts.items).toHaveLength(1);
    const before = JSON.stringify(sim.truth());
    for (const contractID of [cancelled.id, contracts.items[0]!['id']]) {
      const reply = await adjust({ contractID, serviceID: 1, unitChange: 1, effectiveDate: today() });
      expect(reply.status).toBe(400);
    }
    const bad = await adjust({ contractID: 'x', unitChange: 1.5 });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad)).toHaveLength(4);
    expect(JSON.stringify(sim.truth())).toBe(before);
  });

  it('answers the truth with every contract service and its dated units', () => {
    const truth = sim.truth();
    const units = unitsOfTruth(truth);
    const lines = truth.companies.flatMap((c) => c.agreements.flatMap((a) => a.additions));
    expect(units.map((u) => u.contractServiceId).sort((a, b) => a - b)).toEqual(
      lines.map((x) => x.id).sort((a, b) => a - b),
    );
    for (const line of lines.filter((x) => !x.cancelled)) {
      expect(units.find((u) => u.contractServiceId === line.id)?.periods.at(-1)?.units).toBe(line.quantity);
    }
  });
});

describe('faults', () => {
  afterEach(() => {
    sim.setFaults({});
  });

  it('answers injected 503s and 500s in the errors shape', async () => {
    sim.setFaults({ error503: 1 });
    const reply = await query(sim, 'Companies', { filter: [customers] });
    expect([reply.status, errorsOf(reply).length]).toEqual([503, 1]);
    sim.setFaults({ error500: 1 });
    expect((await query(sim, 'Companies', { filter: [customers] })).status).toBe(500);
  });
});

describe('limits', () => {
  it('refuses requests over the hourly limit with 429, and ThresholdInformation shows the count', async () => {
    const small = await startPsaSimulator({
      mode: 'autotask',
      companies: 3,
      rateLimits: false,
      autotask: { hourlyLimit: 4 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await query(small, 'Companies', { filter: [customers] })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const refused = await query(small, 'Companies', { filter: [customers] });
      expect(errorsOf(refused)[0]).toMatch(/limit of 4 requests per hour/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
      const threshold = await at(small, '/ThresholdInformation');
      expect(threshold.body).toEqual({
        externalRequestThreshold: 4,
        requestThresholdTimeframe: 60,
        currentTimeframeRequestCount: 4,
      });
    } finally {
      await small.close();
    }
  });

  it('refuses a fourth concurrent request to one endpoint of one integration, not to another endpoint', async () => {
    // Every request is held (a slow fault waits inside the thread limit) until the simulator closes.
    const held = await startPsaSimulator({
      mode: 'autotask',
      companies: 3,
      rateLimits: false,
      faults: { slow: 1, slowMs: 600_000 },
    });
    const body = { filter: [customers] };
    const four = [1, 2, 3, 4].map(() => query(held, 'Companies', body));
    try {
      const first = await Promise.race(four);
      expect(first.status).toBe(429);
      expect(errorsOf(first)[0]).toMatch(/at most 3 concurrent requests to Companies/);
      held.setFaults({});
      expect((await query(held, 'Contracts', { filter: [{ op: 'gte', field: 'id', value: 0 }] })).status).toBe(200);
      expect((await query(held, 'Companies', body)).status).toBe(429);
    } finally {
      await held.close();
      await Promise.allSettled(four);
    }
  });
});
