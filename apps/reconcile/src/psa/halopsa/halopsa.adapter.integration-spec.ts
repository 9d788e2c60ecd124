import { startPsaSimulator, type PsaSimulator, type PsaSimOptions } from '@seatwise/psa-simulator/server';
import { allowingOnly } from '@seatwise/platform/testing/outbound';
import { waitFor } from '@seatwise/testing/wait';
import type { PsaAdapter } from '../psa-adapter';
import { createHaloAdapter, type HaloCredentials } from './halo-adapter-factory';

type Truth = ReturnType<PsaSimulator['truth']>;

function credentialsOf(sim: PsaSimulator): HaloCredentials {
  const info = sim.info;
  if (info.mode !== 'halopsa') throw new Error(`the simulator speaks ${info.mode}`);
  const { resourceUrl, authUrl, tenant, clientId, clientSecret } = info;
  return { resourceUrl, authUrl, tenant, clientId, clientSecret };
}

function adapterFor(sim: PsaSimulator, overrides: Partial<HaloCredentials> = {}, pageSize = 50): PsaAdapter {
  return createHaloAdapter(
    { ...credentialsOf(sim), ...overrides },
    {
      timeoutMs: 5000,
      maxAttempts: 12,
      retryBaseMs: 1,
      maxRetryAfterMs: 5000,
      pageSize,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      outbound: allowingOnly(sim.url),
    },
  );
}

const start = (extra: Partial<PsaSimOptions> = {}) =>
  startPsaSimulator({ mode: 'halopsa', duoPairing: { seed: 'x', accounts: 20 }, rateLimits: false, ...extra });

// Writes that took effect: POSTs to the recurring-invoice collection answered 2xx (an injected fault answers before
// anything is read, so a faulted POST wrote nothing).
const writes = (sim: PsaSimulator) =>
  sim.requests().filter((r) => r.method === 'POST' && /\/api\/recurringinvoice$/i.test(r.path) && r.status < 300)
    .length;
const tokenRequests = (sim: PsaSimulator) => sim.requests().filter((r) => r.path === '/auth/token').length;

// What the client's active lines of the item add up to, in the simulator's own records.
function billed(truth: Truth, companyId: number, productId: number): number {
  return (truth.companies.find((c) => c.id === companyId)?.agreements ?? [])
    .filter((a) => !a.cancelled)
    .flatMap((a) => a.additions)
    .filter((x) => !x.cancelled && x.productId === productId)
    .reduce((n, x) => n + x.quantity, 0);
}

// Active lines: [company, product] pairs billed today, each once.
function billedPairs(truth: Truth): [number, number][] {
  const pairs = new Map<string, [number, number]>();
  for (const c of truth.companies) {
    for (const a of c.agreements.filter((x) => !x.cancelled)) {
      for (const x of a.additions.filter((y) => !y.cancelled)) pairs.set(`${c.id}/${x.productId}`, [c.id, x.productId]);
    }
  }
  return [...pairs.values()];
}

// A company with an active invoice, an item it is not billed for, and another company's active invoice.
function newRevenue(truth: Truth, productIds: number[], skip = 0) {
  const companies = truth.companies.filter((c) => c.agreements.some((a) => !a.cancelled));
  const company = companies[skip]!;
  const invoice = company.agreements.find((a) => !a.cancelled)!;
  const productId = productIds.find(
    (p) => billed(truth, company.id, p) === 0 && !invoice.additions.some((x) => x.productId === p),
  )!;
  const foreign = companies.find((c) => c.id !== company.id)!.agreements.find((a) => !a.cancelled)!;
  return { company, invoice, productId, foreign };
}

const change = (companyId: number, productId: number, quantity: number, agreementId: number | null = null) => ({
  companyExternalId: String(companyId),
  productExternalId: String(productId),
  quantity,
  effectiveDate: null,
  agreementExternalId: agreementId === null ? null : String(agreementId),
});

describe('HaloPSA adapter against the simulator', () => {
  let sim: PsaSimulator;
  let adapter: PsaAdapter;
  let productIds: number[];

  beforeAll(async () => {
    sim = await start();
    adapter = adapterFor(sim, {}, 5);
    productIds = (await adapter.products(null)).map((p) => Number(p.externalId));
  });
  afterAll(() => sim.close());

  it('reads clients, items, invoices and lines page by page', async () => {
    const truth = sim.truth();
    const before = sim.requests().length;
    const companies = await adapter.companies(null);
    expect(companies.map((c) => Number(c.externalId))).toEqual(truth.companies.map((c) => c.id));
    expect(companies.map((c) => c.name)).toEqual(truth.companies.map((c) => c.name));
    const pages = sim
      .requests()
      .slice(before)
      .filter((r) => /\/api\/client$/i.test(r.path)).length;
    expect(pages).toBe(Math.ceil(truth.companies.length / 5));
    expect(pages).toBeGreaterThan(1);

    const products = await adapter.products(null);
    expect(products.find((p) => p.identifier === 'DUO-ADVANTAGE')).toMatchObject({
      name: 'Duo Advantage',
      unitPrice: 6,
    });

    const agreements = await adapter.agreements(null);
    const all = truth.companies.flatMap((c) => c.agreements.map((a) => ({ c, a })));
    expect(agreements.map((a) => [a.externalId, a.companyExternalId, a.cancelled]).sort()).toEqual(
      all.map(({ c, a }) => [String(a.id), String(c.id), a.cancelled]).sort(),
    );
    expect(agreements.every((a) => a.currency === 'USD')).toBe(true);

    const { a } = all.find((x) => !x.a.cancelled && x.a.additions.some((y) => y.cancelled))!;
    const lines = await adapter.additions(String(a.id), null);
    expect(lines.map((l) => [Number(l.externalId), Number(l.productExternalId), l.quantity])).toEqual(
      a.additions.filter((x) => !x.cancelled).map((x) => [x.id, x.productId, x.quantity]),
    );
  });

  it('sets an existing line with exactly one write and reads it back', async () => {
    const [companyId, productId] = billedPairs(sim.truth())[0]!;
    const target = billed(sim.truth(), companyId, productId) + 5;
    const before = writes(sim);
    const result = await adapter.setQuantity(change(companyId, productId, target));
    expect(writes(sim) - before).toBe(1);
    expect(billed(sim.truth(), companyId, productId)).toBe(target);
    expect(result).toMatchObject({ total: target, created: false, addition: { productExternalId: String(productId) } });
  });

  it('creates a new-revenue line once, even when the change is sent twice', async () => {
    const { company, invoice, productId } = newRevenue(sim.truth(), productIds);
    const before = writes(sim);
    const first = await adapter.setQuantity(change(company.id, productId, 7, invoice.id));
    const second = await adapter.setQuantity(change(company.id, productId, 7, invoice.id));
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.addition.externalId).toBe(first.addition.externalId);
    const lines = sim
      .truth()
      .companies.find((c) => c.id === company.id)!
      .agreements.flatMap((a) => a.additions)
      .filter((x) => x.productId === productId);
    expect(lines).toEqual([expect.objectContaining({ quantity: 7, cancelled: false })]);
    // The second change finds the line already at 7: nothing to write.
    expect(writes(sim) - before).toBe(1);
  });

  it("refuses another client's invoice for new revenue and writes nothing", async () => {
    const { company, productId, foreign } = newRevenue(sim.truth(), productIds, 1);
    const before = writes(sim);
    await expect(adapter.setQuantity(change(company.id, productId, 3, foreign.id))).rejects.toMatchObject({
      code: 'RECONCILE.PSA_REQUEST_INVALID',
    });
    await expect(adapter.setQuantity(change(company.id, productId, 3))).rejects.toMatchObject({
      code: 'RECONCILE.PSA_ADDITION_NOT_FOUND',
    });
    expect(writes(sim)).toBe(before);
    expect(billed(sim.truth(), company.id, productId)).toBe(0);
  });

  it('refuses bad credentials', async () => {
    await expect(adapterFor(sim, { clientSecret: 'wrong' }).verify()).rejects.toMatchObject({
      code: 'RECONCILE.PSA_CREDENTIALS_INVALID',
    });
    await expect(adapterFor(sim, { tenant: 'elsewhere' }).companies(null)).rejects.toMatchObject({
      code: 'RECONCILE.PSA_CREDENTIALS_INVALID',
    });
    await expect(adapter.verify()).resolves.toBeUndefined();
  });

  it('ends each of ten changes with exactly one write and the truth right, through injected 503s', async () => {
    sim.setFaults({ error503: 0.3 });
    try {
      const faulted = adapterFor(sim);
      for (const [i, [companyId, productId]] of billedPairs(sim.truth()).slice(1, 11).entries()) {
        const target = billed(sim.truth(), companyId, productId) + i + 1;
        const before = writes(sim);
        await faulted.setQuantity(change(companyId, productId, target));
        expect(writes(sim) - before).toBe(1);
        expect(billed(sim.truth(), companyId, productId)).toBe(target);
      }
      expect(sim.requests().some((r) => r.status === 503)).toBe(true);
    } finally {
      sim.setFaults({});
    }
  });
});

describe('HaloPSA adapter token refresh', () => {
  let sim: PsaSimulator;
  beforeAll(async () => {
    sim = await start({ halopsa: { tokenTtlSeconds: 1 } });
  });
  afterAll(() => sim.close());

  it('keeps working after its first token expired', async () => {
    const adapter = adapterFor(sim);
    await adapter.verify();
    const adapterTokens = tokenRequests(sim);
    // A token issued after the adapter's: once it is refused, the adapter's first token has expired too.
    const { authUrl, resourceUrl, tenant, clientId, clientSecret } = credentialsOf(sim);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    const issued = await fetch(`${authUrl}/token?tenant=${tenant}`, { method: 'POST', body: form });
    const { access_token: later } = (await issued.json()) as { access_token: string };
    await waitFor(
      async () =>
        (await fetch(`${resourceUrl}/Client`, { headers: { Authorization: `Bearer ${later}` } })).status === 401,
      { timeoutMs: 10_000, description: 'the tokens to expire' },
    );
    await expect(adapter.companies(null)).resolves.toHaveLength(sim.truth().companies.length);
    expect(tokenRequests(sim) - adapterTokens - 1).toBeGreaterThanOrEqual(1);
  });
});
