import { startPsaSimulator, type PsaSimulator } from '@seatwise/psa-simulator/server';
import { allowingOnly } from '@seatwise/platform/testing/outbound';
import { waitFor } from '@seatwise/testing/wait';
import type { PsaAdapter, QuantityChange } from '../psa-adapter';
import { createAutotaskAdapter, type AutotaskAdapterOptions } from './autotask-adapter-factory';
import type { AutotaskCredentials } from './autotask-credentials';

// Retries wait about a millisecond, whatever Autotask asks; only the simulator's endpoint may be called.
const optionsFor = (psa: PsaSimulator): AutotaskAdapterOptions => ({
  timeoutMs: 5000,
  maxAttempts: 8,
  retryBaseMs: 1,
  maxRetryAfterMs: 5000,
  pageSize: 500,
  sleep: () => new Promise((resolve) => setTimeout(resolve, 1)),
  outbound: allowingOnly(psa.url),
});
const ADJUSTMENTS = '/atservicesrest/v1.0/ContractServiceAdjustments';

function credentialsOf(sim: PsaSimulator): AutotaskCredentials {
  const info = sim.info as unknown as Record<string, unknown>;
  const field = (name: string): string => {
    const value = info[name];
    if (typeof value !== 'string') throw new Error(`the simulator's info has no ${name}: is it in autotask mode?`);
    return value;
  };
  return {
    zoneDiscoveryUrl: field('zoneDiscoveryUrl'),
    userName: field('userName'),
    secret: field('secret'),
    integrationCode: field('integrationCode'),
  };
}

type Truth = ReturnType<PsaSimulator['truth']>;
const agreementsOf = (truth: Truth) => truth.companies.flatMap((c) => c.agreements.map((a) => ({ ...a, company: c })));

// The sum of a product's active lines on a company's active agreements, as the world holds it.
function billed(sim: PsaSimulator, companyId: string, productId: string): { lines: number; total: number } {
  const company = sim.truth().companies.find((c) => String(c.id) === companyId);
  const lines = (company?.agreements ?? [])
    .filter((a) => !a.cancelled)
    .flatMap((a) => a.additions)
    .filter((x) => !x.cancelled && String(x.productId) === productId);
  return { lines: lines.length, total: lines.reduce((n, x) => n + x.quantity, 0) };
}

const writesSince = (sim: PsaSimulator, from: number, status?: number) =>
  sim
    .requests()
    .slice(from)
    .filter((r) => r.method === 'POST' && r.path === ADJUSTMENTS && (status === undefined || r.status === status));

// Companies with an active line on their active agreement, one per company: [company, product, quantity].
function activeLines(sim: PsaSimulator): [string, string, number][] {
  return sim.truth().companies.flatMap((c) => {
    const line = c.agreements.filter((a) => !a.cancelled).flatMap((a) => a.additions.filter((x) => !x.cancelled))[0];
    return line ? [[String(c.id), String(line.productId), line.quantity] as [string, string, number]] : [];
  });
}

const change = (companyExternalId: string, productExternalId: string, quantity: number): QuantityChange => ({
  companyExternalId,
  productExternalId,
  quantity,
  effectiveDate: null,
  agreementExternalId: null,
});

let sim: PsaSimulator;
let adapter: PsaAdapter;
beforeAll(async () => {
  sim = await startPsaSimulator({
    mode: 'autotask',
    duoPairing: { seed: 'x', accounts: 20 },
    companies: 620,
    rateLimits: false,
  });
  adapter = createAutotaskAdapter(credentialsOf(sim), optionsFor(sim));
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFaults({});
});

describe('lists', () => {
  it('reads every customer company page by page, and the zone once', async () => {
    const companies = await adapter.companies(null);
    const truth = sim.truth().companies;
    expect(companies.map((c) => c.externalId)).toEqual(truth.map((c) => String(c.id)));
    expect(companies[0]).toEqual({
      externalId: String(truth[0]!.id),
      identifier: truth[0]!.identifier,
      name: truth[0]!.name,
      lastUpdated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
    });
    const pages = sim.requests().filter((r) => r.method === 'GET' && r.path.endsWith('/Companies/query/next'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    await adapter.products(null);
    expect(sim.requests().filter((r) => r.path.endsWith('/ZoneInformation'))).toHaveLength(1);
  });

  it('reads only what changed since a time', async () => {
    const companies = await adapter.companies(null);
    const stamps = companies.map((c) => c.lastUpdated ?? '').sort();
    const median = stamps[Math.floor(stamps.length / 2)]!;
    const changed = await adapter.companies(median);
    expect(changed.length).toBe(stamps.filter((s) => s >= median).length);
    expect(await adapter.companies('2999-01-01T00:00:00Z')).toEqual([]);
  });

  it('reads the services, the recurring contracts (cancelled = inactive) in the internal currency, and their lines', async () => {
    const products = await adapter.products(null);
    expect(products.length).toBeGreaterThan(4);
    expect(products.find((p) => p.name === 'Duo Essentials')).toMatchObject({ identifier: null, unitPrice: 3 });

    const truth = sim.truth();
    const agreements = await adapter.agreements(null);
    const expected = agreementsOf(truth).sort((a, b) => a.id - b.id);
    expect(agreements.map((a) => [a.externalId, a.companyExternalId, a.cancelled])).toEqual(
      expected.map((a) => [String(a.id), String(a.company.id), a.cancelled]),
    );
    expect(new Set(agreements.map((a) => a.currency))).toEqual(new Set(['USD']));

    const withCancelled = expected.find((a) => !a.cancelled && a.additions.some((x) => x.cancelled))!;
    const additions = await adapter.additions(String(withCancelled.id), null);
    expect(
      additions.map((x) => [x.externalId, x.productExternalId, x.cancelled, x.cancelled ? 0 : x.quantity]),
    ).toEqual(
      withCancelled.additions.map((x) => [
        String(x.id),
        String(x.productId),
        x.cancelled,
        x.cancelled ? 0 : x.quantity,
      ]),
    );
    expect(additions.every((x) => x.agreementExternalId === String(withCancelled.id) && x.unitPrice !== null)).toBe(
      true,
    );
  });

  it('never runs more than three requests at once on one endpoint', async () => {
    // Each request is held a while, so the adapter's queue is seen full.
    sim.setFaults({ slow: 1, slowMs: 200 });
    const from = sim.requests().length;
    const ids = agreementsOf(sim.truth())
      .slice(0, 10)
      .map((a) => String(a.id));
    const calls = Promise.all(ids.map((id) => adapter.additions(id, null)));
    await waitFor(() => adapter.usage?.().inFlight === 3, { intervalMs: 1, description: 'three requests in flight' });
    await calls;
    expect(
      sim
        .requests()
        .slice(from)
        .filter((r) => r.status === 429),
    ).toEqual([]);
    expect(sim.requests().slice(from).length).toBeGreaterThanOrEqual(20);
    expect(adapter.usage?.()).toMatchObject({ inFlight: 0, maxInFlight: 3, hourlyLimit: 10_000 });
  });
});

describe('setQuantity', () => {
  it('changes an existing line with exactly one adjustment, and none when it is already right', async () => {
    const [companyId, productId, quantity] = activeLines(sim)[0]!;
    const from = sim.requests().length;
    const result = await adapter.setQuantity(change(companyId, productId, quantity + 3));
    expect(result).toMatchObject({ previousQuantity: quantity, total: quantity + 3, created: false });
    expect(result.addition).toMatchObject({ productExternalId: productId, quantity: quantity + 3, cancelled: false });
    expect(billed(sim, companyId, productId).total).toBe(quantity + 3);
    expect(writesSince(sim, from)).toHaveLength(1);

    const again = sim.requests().length;
    await adapter.setQuantity(change(companyId, productId, quantity + 3));
    expect(writesSince(sim, again)).toHaveLength(0);
  });

  it('adds a missing service to the chosen contract once, even when asked twice', async () => {
    const truth = sim.truth();
    const agreement = agreementsOf(truth).find((a) => !a.cancelled)!;
    const companyId = String(agreement.company.id);
    const productId = String(
      (await adapter.products(null))
        .map((p) => Number(p.externalId))
        .find((id) => billed(sim, companyId, String(id)).lines === 0),
    );
    const from = sim.requests().length;
    const wanted = { ...change(companyId, productId, 9), agreementExternalId: String(agreement.id) };
    const first = await adapter.setQuantity(wanted);
    expect(first).toMatchObject({
      agreementExternalId: String(agreement.id),
      created: true,
      previousQuantity: 0,
      total: 9,
    });
    const second = await adapter.setQuantity(wanted);
    expect(second).toMatchObject({ created: false, previousQuantity: 9, total: 9 });
    expect(writesSince(sim, from)).toHaveLength(1);
    expect(billed(sim, companyId, productId)).toEqual({ lines: 1, total: 9 });
  });

  it('refuses a contract of another company or an inactive one, and writes nothing', async () => {
    const agreements = agreementsOf(sim.truth());
    const [mine, other] = agreements.filter((a) => !a.cancelled);
    const cancelled =
      agreements.find((a) => a.cancelled && a.company.id === mine!.company.id) ?? agreements.find((a) => a.cancelled)!;
    const companyId = String(mine!.company.id);
    const productId = String(
      (await adapter.products(null)).map((p) => p.externalId).find((id) => billed(sim, companyId, id).lines === 0),
    );
    const from = sim.requests().length;
    const before = JSON.stringify(sim.truth());
    for (const agreement of [other!, cancelled]) {
      await expect(
        adapter.setQuantity({ ...change(companyId, productId, 4), agreementExternalId: String(agreement.id) }),
      ).rejects.toMatchObject({ code: 'RECONCILE.PSA_REQUEST_INVALID' });
    }
    await expect(adapter.setQuantity(change(companyId, productId, 4))).rejects.toMatchObject({
      code: 'RECONCILE.PSA_ADDITION_NOT_FOUND',
    });
    expect(writesSince(sim, from)).toHaveLength(0);
    expect(JSON.stringify(sim.truth())).toBe(before);
  });

  it.each([
    ['503s', { error503: 0.3 }],
    ['answers lost after the write (malformed)', { malformed: 0.3 }],
  ])('with 30%% %s, ten changes each end with exactly one write and the truth right', async (_, faults) => {
    const lines = activeLines(sim).slice(20, 30);
    expect(lines).toHaveLength(10);
    sim.setFaults(faults);
    for (const [companyId, productId, quantity] of lines) {
      const from = sim.requests().length;
      const result = await adapter.setQuantity(change(companyId, productId, quantity + 2));
      expect(result.total).toBe(quantity + 2);
      expect(writesSince(sim, from, 200)).toHaveLength(1);
      expect(billed(sim, companyId, productId).total).toBe(quantity + 2);
    }
  });
});

describe('limits and credentials', () => {
  it('stops before the hourly limit with a clear error, and usage() shows it', async () => {
    const small = await startPsaSimulator({
      mode: 'autotask',
      companies: 5,
      rateLimits: false,
      autotask: { hourlyLimit: 6 },
    });
    try {
      const limited = createAutotaskAdapter(credentialsOf(small), optionsFor(small));
      const results: string[] = [];
      for (let i = 0; i < 8; i++) {
        results.push(
          await limited.companies(null).then(
            () => 'ok',
            (error: unknown) => (error as { code: string; message: string }).code,
          ),
        );
      }
      expect(results).toEqual([
        'ok',
        'ok',
        'ok',
        'ok',
        'ok',
        'ok',
        'RECONCILE.PSA_UNAVAILABLE',
        'RECONCILE.PSA_UNAVAILABLE',
      ]);
      await expect(limited.companies(null)).rejects.toThrow(/request limit is spent: 6 of 6 requests in the last hour/);
      expect(limited.usage?.()).toMatchObject({ requestsThisHour: 6, hourlyLimit: 6 });
      expect(small.requests().filter((r) => r.status === 429)).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('fails clearly when another integration spent the hour, and reads where the budget stands', async () => {
    const small = await startPsaSimulator({
      mode: 'autotask',
      companies: 5,
      rateLimits: false,
      autotask: { hourlyLimit: 4 },
    });
    try {
      const ours = createAutotaskAdapter(credentialsOf(small), optionsFor(small));
      await ours.verify();
      const theirs = createAutotaskAdapter(credentialsOf(small), optionsFor(small));
      for (let i = 0; i < 3; i++) await theirs.companies(null);
      await expect(ours.companies(null)).rejects.toMatchObject({
        code: 'RECONCILE.PSA_UNAVAILABLE',
        message: expect.stringMatching(
          /429.*limit of 4 requests per hour.*\(4 of 4 requests in the last hour\)/,
        ) as unknown,
      });
      expect(ours.usage?.()).toMatchObject({ requestsThisHour: 4, hourlyLimit: 4 });
    } finally {
      await small.close();
    }
  });

  it.each([
    ['a wrong secret', { secret: 'wrong' }],
    ['a wrong integration code', { integrationCode: 'WRONG' }],
    ['an unknown user', { userName: 'nobody@example.com' }],
  ])('rejects %s with PSA_CREDENTIALS_INVALID', async (_, wrong) => {
    const bad = createAutotaskAdapter({ ...credentialsOf(sim), ...wrong }, optionsFor(sim));
    await expect(bad.verify()).rejects.toMatchObject({ code: 'RECONCILE.PSA_CREDENTIALS_INVALID' });
  });
});
