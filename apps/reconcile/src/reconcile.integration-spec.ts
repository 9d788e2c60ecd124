import type { PsaSimMode } from '@seatwise/psa-simulator/modes/mode-names';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
// The key automatic mapping uses, so the spec predicts exactly which accounts the service maps.
import { exactKey } from '@seatwise/shared/text/exact-key';
import { waitFor } from '@seatwise/testing/wait';
import {
  allPages,
  billed,
  connectionInput,
  drainBudget,
  isWrite,
  type Msp,
  readStream,
  SKU_EDITION,
  SKU_PRODUCT,
  SKU_PRODUCT_NAME,
  snapshotOf,
  startMsp,
  stopMsp,
  withWrongSecret,
} from './__fixtures__/msp-fixture';

const ACTOR = 'alice@msp.example';
const MODES: PsaSimMode[] = ['connectwise', 'autotask', 'halopsa'];

describe.each(MODES)('reconcile: a 20-account MSP against the Duo and %s simulators', (mode) => {
  let msp: Msp;
  let connectionId = '';
  const productIds = new Map<string, string>(); // SKU → our product id
  const at = new Date('2026-03-01T00:00:00Z');

  beforeAll(async () => {
    msp = await startMsp('msp-acceptance', 20, mode);
  });
  afterAll(() => stopMsp(msp));

  const companyId = (psaId: number) => `${connectionId}-${psaId}`;
  const psaIdOf = (row: { psaCompanyId: string | null }) => Number(row.psaCompanyId!.slice(connectionId.length + 1));
  const rows = () => allPages(msp, 'reconcile.reconciliation.list', { limit: 7 });
  const get = (id: string) => msp.rpc.request('reconcile.reconciliation.get', { id });
  const expectCode = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });
  const writesSince = (index: number) =>
    msp.psa
      .requests()
      .slice(index)
      .filter((r) => isWrite(mode, r));
  const settled = (ids: string[], timeoutMs = 90_000) =>
    waitFor(
      async () => {
        const current = await Promise.all(ids.map(get));
        return current.every((r) => r.state !== 'approved') ? current : null;
      },
      { timeoutMs, description: 'pushes to settle' },
    );
  const duoAccount = (accountId: string) => msp.duo.truth().accounts.find((a) => a.account_id === accountId)!;
  // Publishes a newer snapshot (`later` ms after the first) of the index-th mapped account with `extra` more
  // seats; resolves once the account's row is pending at the new count.
  const reopen = async (index: number, later: number, extra: number) => {
    const mapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const account = duoAccount(mapped[index]!.accountId);
    const seats = account.billable_seats + extra;
    await msp.publisher.publish('duo.account.snapshot', snapshotOf(account, new Date(at.getTime() + later), seats));
    const row = await waitFor(async () =>
      (await rows()).find(
        (r) => r.accountId === account.account_id && r.state === 'pending' && r.vendorQuantity === seats,
      ),
    );
    return { account, row };
  };

  it('says clearly that nothing is reconciled before an account and a service are mapped', async () => {
    await expectCode(msp.rpc.request('reconcile.reconciliation.list', {}), 'RECONCILE.NOT_READY');
  });

  it('takes Duo account snapshots from the bus, idempotently, with history', async () => {
    const accounts = msp.duo.truth().accounts;
    expect(accounts).toHaveLength(20);
    for (const account of accounts) await msp.publisher.publish('duo.account.snapshot', snapshotOf(account, at));
    // A redelivered (re-published, older) snapshot changes nothing.
    const first = accounts[0]!;
    await msp.publisher.publish('duo.account.snapshot', snapshotOf(first, new Date(at.getTime() - 60_000), 999));
    const items = await waitFor(async () => {
      const all = await allPages(msp, 'reconcile.mappings.accounts.list', {});
      return all.length === 20 ? all : null;
    });
    for (const account of accounts) {
      expect(items.find((i) => i.accountId === account.account_id)).toMatchObject({
        accountName: account.name,
        billableSeats: account.billable_seats,
        state: 'unmapped',
      });
    }
    const history = await msp.rpc.request('reconcile.accounts.history', { accountId: first.account_id });
    expect(history.items).toEqual([
      expect.objectContaining({ billableSeats: first.billable_seats, previousBillableSeats: null }),
    ]);
  });

  it('refuses bad PSA credentials with the PSA status, then connects and syncs fully', async () => {
    const input = { ...connectionInput(msp.psa), actor: ACTOR };
    await expectCode(
      msp.rpc.request('reconcile.psa.connections.create', { ...withWrongSecret(input), actor: ACTOR }),
      'RECONCILE.PSA_CREDENTIALS_INVALID',
    );
    expect((await msp.rpc.request('reconcile.psa.connections.list', {})).items).toEqual([]);
    const connection = await msp.rpc.request('reconcile.psa.connections.create', input);
    expect(connection.kind).toBe(mode);
    for (const secret of ['privateKey', 'secret', 'clientSecret'] as const) {
      const value = (input as Record<string, unknown>)[secret];
      if (typeof value === 'string') expect(JSON.stringify(connection)).not.toContain(value);
    }
    connectionId = connection.id;
    await expectCode(msp.rpc.request('reconcile.psa.connections.create', input), 'RECONCILE.CONNECTION_CONFLICT');
    const run = await waitFor(async () =>
      (await msp.rpc.request('reconcile.sync-runs.list', { connectionId })).items.find(
        (r) => r.state === 'complete' || r.state === 'failed',
      ),
    );
    expect(run).toMatchObject({
      kind: 'full',
      state: 'complete',
      error: null,
      counts: { companies: msp.psa.truth().companies.length },
    });
  });

  it('auto-maps exactly the accounts whose trimmed, case-folded name one PSA company has; suggests the rest', async () => {
    const truth = msp.psa.truth();
    const items = await allPages(msp, 'reconcile.mappings.accounts.list', {});
    for (const item of items) {
      const exact = truth.companies.filter((c) => exactKey(c.name) === exactKey(item.accountName));
      const paired = truth.companies.find((c) => c.pairedDuoAccountId === item.accountId);
      if (exact.length === 1) {
        expect(item).toMatchObject({
          state: 'mapped',
          source: 'auto',
          psaCompanyId: companyId(exact[0]!.id),
          suggestions: [],
        });
      } else {
        expect(item).toMatchObject({ state: 'unmapped', psaCompanyId: null });
        if (paired) expect(item.suggestions[0]).toMatchObject({ psaCompanyId: companyId(paired.id), score: 1 });
        else expect(item.suggestions.every((s) => s.score < 1)).toBe(true);
      }
    }
    expect(items.filter((i) => i.state === 'mapped').length).toBeGreaterThanOrEqual(8);
    expect(
      items.filter((i) => i.state === 'unmapped' && truth.companies.some((c) => c.pairedDuoAccountId === i.accountId))
        .length,
    ).toBeGreaterThan(0);
  });

  it('maps services (found by name or product ID); bad mappings get coded errors and change nothing', async () => {
    const products = await allPages(msp, 'reconcile.psa.products.list', { connectionId });
    for (const [sku, name] of Object.entries(SKU_PRODUCT_NAME)) {
      const product = products.find((p) => p.name === name)!;
      productIds.set(sku, product.id);
      await msp.rpc.request('reconcile.mappings.services.map', {
        sku: sku as 'Essentials',
        productId: product.id,
        actor: ACTOR,
      });
    }
    const found = await msp.rpc.request('reconcile.psa.products.list', { connectionId, q: 'duo premier' });
    expect(found.items.map((p) => p.id)).toContain(productIds.get('Premier'));
    if (mode === 'connectwise') {
      const byId = await msp.rpc.request('reconcile.psa.products.list', { connectionId, q: 'DUO-ADV' });
      expect(byId.items.map((p) => p.id)).toEqual([productIds.get('Advantage')]);
    }
    await expectCode(
      msp.rpc.request('reconcile.mappings.services.map', {
        sku: 'Essentials',
        productId: productIds.get('Essentials')!,
        actor: ACTOR,
      }),
      'RECONCILE.MAPPING_CONFLICT',
    );
    await expectCode(
      msp.rpc.request('reconcile.mappings.services.map', {
        sku: 'Essentials',
        productId: `${connectionId}-999999`,
        actor: ACTOR,
      }),
      'RECONCILE.PSA_PRODUCT_NOT_FOUND',
    );
  });

  it('keeps every account with seats in the review: an unmapped account is an unmapped row priced at its SKU', async () => {
    const products = new Map(
      (await allPages(msp, 'reconcile.psa.products.list', { connectionId })).map((p) => [p.id, p]),
    );
    const unmapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'unmapped' });
    expect(unmapped.length).toBeGreaterThan(0);
    const all = await rows();
    for (const account of unmapped) {
      const seats = duoAccount(account.accountId).billable_seats;
      const row = all.find((r) => r.accountId === account.accountId && r.sku === account.sku);
      if (seats === 0) continue;
      const price = products.get(productIds.get(account.sku!)!)?.unitPrice;
      expect(price).toEqual(expect.any(Number));
      expect(row).toMatchObject({ type: 'unmapped', vendorQuantity: seats, psaQuantity: 0, delta: seats });
      expect(row?.unitPrice).toBe(price);
      expect(row?.monthlyImpact).toBeCloseTo(seats * (price ?? 0), 2);
    }
  });

  it('maps the near names by their suggestion, excludes the rest (their rows leave the review)', async () => {
    const unmapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'unmapped' });
    const mapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const taken = mapped[0]!;
    await expectCode(
      msp.rpc.request('reconcile.mappings.accounts.map', {
        accountId: 'DA_NOPE',
        psaCompanyId: taken.psaCompanyId!,
        actor: ACTOR,
      }),
      'RECONCILE.ACCOUNT_NOT_FOUND',
    );
    await expectCode(
      msp.rpc.request('reconcile.mappings.accounts.map', {
        accountId: unmapped[0]!.accountId,
        psaCompanyId: `${connectionId}-424242`,
        actor: ACTOR,
      }),
      'RECONCILE.PSA_COMPANY_NOT_FOUND',
    );
    await expectCode(
      msp.rpc.request('reconcile.mappings.accounts.map', {
        accountId: unmapped[0]!.accountId,
        psaCompanyId: taken.psaCompanyId!,
        actor: ACTOR,
      }),
      'RECONCILE.MAPPING_CONFLICT',
    );
    expect((await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' })).length).toBe(mapped.length);

    for (const item of unmapped) {
      const best = item.suggestions[0];
      if (best?.score === 1) {
        await expect(
          msp.rpc.request('reconcile.mappings.accounts.map', {
            accountId: item.accountId,
            psaCompanyId: best.psaCompanyId,
            actor: ACTOR,
            note: 'accepted suggestion',
          }),
        ).resolves.toMatchObject({ state: 'mapped', source: 'manual', psaCompanyId: best.psaCompanyId });
      } else {
        await expect(
          msp.rpc.request('reconcile.mappings.accounts.exclude', { accountId: item.accountId, actor: ACTOR }),
        ).resolves.toMatchObject({ state: 'excluded' });
      }
    }
    const excluded = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'excluded' });
    expect(excluded.length).toBeGreaterThan(0);
    const all = await rows();
    for (const item of excluded) expect(all.filter((r) => r.accountId === item.accountId)).toEqual([]);
  });

  it('bills an upgrade as new revenue on the agreement that already bills the company', async () => {
    // The first mapped account moves to the next edition: its new SKU is billed nothing yet.
    const [first] = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const account = duoAccount(first!.accountId);
    const upgraded = account.edition === 'PLATFORM' ? 'BEYOND' : 'PLATFORM';
    await msp.publisher.publish('duo.account.snapshot', {
      ...snapshotOf(account, new Date(at.getTime() + 1_000)),
      edition: upgraded,
    });
    const sku = SKU_EDITION[upgraded]!;
    const row = await waitFor(async () =>
      (await rows()).find((r) => r.accountId === account.account_id && r.sku === sku && r.type === 'new_revenue'),
    );
    const options = await msp.rpc.request('reconcile.mappings.accounts.agreements', { accountId: account.account_id });
    const billing = options.items.filter((o) => o.billing);
    expect(row).toMatchObject({ psaQuantity: 0, agreementIssue: null, agreementId: billing[0]!.id });
    expect(row.agreementName).toBe(billing[0]!.name);
  });

  it('reconciles every mapped account × service against both truths, with money', async () => {
    const truth = msp.psa.truth();
    const mapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const expected = mapped.flatMap((m) => {
      const psaId = psaIdOf(m);
      const seats = duoAccount(m.accountId).billable_seats;
      return Object.entries(SKU_PRODUCT).flatMap(([sku, identifier]) => {
        const vendorQuantity = m.sku === sku ? seats : 0;
        const psaQuantity = billed(truth, psaId, identifier);
        if (vendorQuantity === 0 && psaQuantity === 0 && m.sku !== sku) return [];
        const delta = vendorQuantity - psaQuantity;
        const type =
          vendorQuantity > 0 && psaQuantity === 0
            ? 'new_revenue'
            : delta > 0
              ? 'under_billed'
              : delta < 0
                ? 'over_billed'
                : 'no_change';
        return [
          { accountId: m.accountId, sku, psaCompanyId: m.psaCompanyId, vendorQuantity, psaQuantity, delta, type },
        ];
      });
    });
    const actual = await rows();
    const key = (r: { accountId: string; sku: string }) => `${r.accountId}${r.sku}`;
    const shape = (r: ReconciliationRowView) => ({
      accountId: r.accountId,
      sku: r.sku,
      psaCompanyId: r.psaCompanyId,
      vendorQuantity: r.vendorQuantity,
      psaQuantity: r.psaQuantity,
      delta: r.delta,
      type: r.type,
    });
    const byKey = new Map(actual.map((r) => [key(r), r]));
    expect(expected.map((e) => shape(byKey.get(key(e))!))).toEqual(expected);
    for (const row of actual) {
      if (row.unitPrice !== null) expect(row.monthlyImpact).toBeCloseTo(row.delta * row.unitPrice, 2);
    }
    expect(actual.some((r) => r.type === 'under_billed' || r.type === 'over_billed')).toBe(true);
    expect(actual.some((r) => r.type === 'no_change')).toBe(true);
    const summary = await msp.rpc.request('reconcile.reconciliation.summary', {});
    expect(summary.money.currency).toBe('USD');
    const pendingNew = actual.filter((r) => r.type === 'new_revenue' && r.state === 'pending');
    expect(summary.money.pendingByType.new_revenue).toBeCloseTo(
      pendingNew.reduce((n, r) => n + (r.monthlyImpact ?? 0), 0),
      2,
    );
  });

  it('refuses bad inputs with coded errors and changes nothing', async () => {
    const mapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const [a, b] = mapped.filter((m) => m.psaCompanyId !== mapped[0]!.psaCompanyId);
    const foreign = (await msp.rpc.request('reconcile.mappings.accounts.agreements', { accountId: b!.accountId }))
      .items[0]!;
    await expectCode(
      msp.rpc.request('reconcile.mappings.accounts.agreement', {
        accountId: a!.accountId,
        agreementId: foreign.id,
        actor: ACTOR,
      }),
      'RECONCILE.PSA_AGREEMENT_INVALID',
    );
    const after = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    expect(after.find((m) => m.accountId === a!.accountId)?.revision).toBe(a!.revision);
    const someRow = (await rows()).find((r) => r.type !== 'unmapped')!;
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.approve', { ids: [someRow.id, 'rec_nope'], actor: ACTOR }),
      'RECONCILE.ROW_NOT_FOUND',
    );
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.mute', { ids: [someRow.id], days: -1, actor: ACTOR }),
      'COMMON.VALIDATION_FAILED',
    );
    expect(await get(someRow.id)).toMatchObject({ state: 'pending', revision: someRow.revision });
  });

  it('approve-all pushes exactly what was approved, once per row (twice sent), and audits every action', async () => {
    const pending = (await rows()).filter((r) => r.state === 'pending' && r.type !== 'unmapped');
    const ids = pending.map((r) => r.id);
    const before = msp.psa.requests().length;
    const [first, second] = await Promise.allSettled([
      msp.rpc.request('reconcile.reconciliation.approve', { ids, actor: ACTOR, note: 'March true-up' }),
      msp.rpc.request('reconcile.reconciliation.approve', { ids, actor: ACTOR, note: 'March true-up' }),
    ]);
    expect([first.status, second.status]).toContain('fulfilled');
    const done = await settled(ids);
    expect(done.filter((r) => r.state === 'failed')).toEqual([]);
    const truth = msp.psa.truth();
    for (const row of done) {
      expect(row).toMatchObject({ state: 'applied', psaQuantity: row.vendorQuantity, delta: 0, decidedBy: ACTOR });
      expect(row.approved).toMatchObject({ quantity: row.vendorQuantity, psaCompanyId: row.psaCompanyId });
      expect(billed(truth, psaIdOf(row), SKU_PRODUCT[row.sku]!)).toBe(row.vendorQuantity);
    }
    // Exactly one write per row that had something to change, the new revenue line created once.
    expect(writesSince(before)).toHaveLength(pending.filter((r) => r.delta !== 0).length);
    const created = done.filter((r) => pending.find((p) => p.id === r.id)?.type === 'new_revenue');
    expect(created.length).toBeGreaterThan(0);
    const audit = await allPages(msp, 'reconcile.audit.list', { limit: 200 });
    for (const row of done) {
      const mine = audit.filter((a) => a.targetId === row.id);
      expect(mine.filter((a) => a.action === 'row.approve')).toEqual([
        expect.objectContaining({ actor: ACTOR, note: 'March true-up', accountId: row.accountId }),
      ]);
      expect(mine.filter((a) => a.action === 'row.applied')).toHaveLength(1);
      expect(mine.some((a) => a.action === 'row.quantity')).toBe(true);
    }
    for (const row of created) {
      const applied = audit.find((a) => a.targetId === row.id && a.action === 'row.applied');
      expect(applied?.details).toMatchObject({ created: true });
    }
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.approve', { ids: [done[0]!.id], actor: ACTOR }),
      'RECONCILE.ROW_INVALID_STATE',
    );
  });

  it('reopens an approved row whose seats change before its push, and leaves the PSA untouched for it', async () => {
    const a = await reopen(1, 30_000, 2);
    const b = await reopen(2, 30_000, 4);
    const truthBefore = billed(msp.psa.truth(), psaIdOf(b.row), SKU_PRODUCT[b.row.sku]!);
    // The PSA holds a's first call, so b waits in the push queue behind a while its seats change.
    msp.psa.setFaults({ slow: 1, slowMs: 4_000 });
    const before = msp.psa.requests().length;
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: [a.row.id, b.row.id], actor: ACTOR });
    const seats = b.account.billable_seats + 9;
    await msp.publisher.publish('duo.account.snapshot', snapshotOf(b.account, new Date(at.getTime() + 40_000), seats));
    const reopened = await waitFor(async () => {
      const row = await get(b.row.id);
      return row.state === 'pending' && row.vendorQuantity === seats ? row : null;
    });
    msp.psa.setFaults({});
    expect(reopened.note).toMatch(/Changed since approval: quantity \d+ → \d+/);
    expect(reopened.approved).toBeNull();
    await settled([a.row.id]);
    expect(await get(a.row.id)).toMatchObject({ state: 'applied' });
    expect(billed(msp.psa.truth(), psaIdOf(b.row), SKU_PRODUCT[b.row.sku]!)).toBe(truthBefore);
    expect(writesSince(before)).toHaveLength(1);
    // Approved again, at the new count, it goes through.
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: [b.row.id], actor: ACTOR });
    await settled([b.row.id]);
    expect(billed(msp.psa.truth(), psaIdOf(b.row), SKU_PRODUCT[b.row.sku]!)).toBe(seats);
  });

  it('retries 429s and 5xx during pushes and applies each row once', async () => {
    const reopened = [
      (await reopen(4, 60_000, 3)).row,
      (await reopen(3, 60_000, 3)).row,
      (await reopen(5, 60_000, 3)).row,
    ];
    expect(reopened.map((r) => r.type)).toEqual(['under_billed', 'under_billed', 'under_billed']);
    // Another integration spends the budget so the next calls meet 429 + Retry-After; 5xx come on top.
    msp.psa.setRateLimits({ perMinute: 60 });
    expect(await drainBudget(msp.psa, 60)).toBe(429);
    const before = msp.psa.requests().length;
    msp.psa.setFaults({ error500: 0.15, error503: 0.15 });
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: reopened.map((r) => r.id), actor: ACTOR });
    const applied = await settled(reopened.map((r) => r.id));
    msp.psa.setFaults({});
    msp.psa.setRateLimits(false);
    expect(
      msp.psa
        .requests()
        .slice(before)
        .some((r) => r.status === 429),
    ).toBe(true);
    const truth = msp.psa.truth();
    for (const row of applied) {
      expect(row).toMatchObject({ state: 'applied', delta: 0, lastError: null });
      expect(billed(truth, psaIdOf(row), SKU_PRODUCT[row.sku]!)).toBe(row.vendorQuantity);
      const audit = await msp.rpc.request('reconcile.audit.list', { targetId: row.id, action: 'row.applied' });
      expect(audit.items).toHaveLength(2); // once in approve-all, once now
    }
    expect(writesSince(before)).toHaveLength(3);
  });

  it('fails rows while the PSA is down and applies them on retry', async () => {
    const { account, row } = await reopen(6, 120_000, 7);
    msp.psa.setFaults({ error503: 1 });
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: [row.id], actor: ACTOR });
    const failed = await waitFor(async () => {
      const r = await get(row.id);
      return r.state === 'failed' ? r : null;
    });
    expect(failed.lastError?.code).toMatch(/^RECONCILE\.PSA_(UPSTREAM_FAILED|UNAVAILABLE)$/);
    expect(failed.lastError?.message).toContain('503');
    msp.psa.setFaults({});
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: [row.id], actor: ACTOR, note: 'retry' });
    await waitFor(async () => (await get(row.id)).state === 'applied');
    expect(billed(msp.psa.truth(), psaIdOf(row), SKU_PRODUCT[row.sku]!)).toBe(account.billable_seats + 7);
  });

  it('dismisses, mutes and notes rows, syncs quickly, and announces every change on the bus', async () => {
    const { row } = await reopen(7, 180_000, 1);
    await expect(
      msp.rpc.request('reconcile.reconciliation.dismiss', { ids: [row.id], actor: ACTOR, note: 'next month' }),
    ).resolves.toMatchObject({ items: [{ state: 'dismissed', note: 'next month' }] });
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.dismiss', { ids: [row.id], actor: ACTOR }),
      'RECONCILE.ROW_INVALID_STATE',
    );
    await expect(
      msp.rpc.request('reconcile.reconciliation.reset', { ids: [row.id], actor: ACTOR }),
    ).resolves.toMatchObject({ items: [{ state: 'pending' }] });
    const muted = await msp.rpc.request('reconcile.reconciliation.mute', { ids: [row.id], days: 7, actor: ACTOR });
    expect(muted.items[0]!.mutedUntil).not.toBeNull();
    const hidden = await allPages(msp, 'reconcile.reconciliation.list', { muted: false });
    expect(hidden.map((r) => r.id)).not.toContain(row.id);
    expect((await allPages(msp, 'reconcile.reconciliation.list', { muted: true })).map((r) => r.id)).toEqual([row.id]);
    await msp.rpc.request('reconcile.reconciliation.note', { id: row.id, note: 'ask the customer', actor: ACTOR });

    const quick = await msp.rpc.request('reconcile.sync-runs.start', { connectionId, kind: 'quick', actor: ACTOR });
    const done = await waitFor(async () => {
      const r = await msp.rpc.request('reconcile.sync-runs.get', { id: quick.id });
      return r.state === 'complete' || r.state === 'failed' ? r : null;
    });
    expect(done).toMatchObject({ state: 'complete', kind: 'quick' });
    expect(done.counts.additions).toBeGreaterThan(0);
    // HaloPSA documents no changed-since filter: its quick sync reads everything (adapter README).
    if (mode !== 'halopsa') expect(done.counts.companies).toBeLessThan(msp.psa.truth().companies.length);
    const current = await rows();
    expect(current.filter((r) => r.state === 'pending').map((r) => r.id)).toEqual([row.id]);
    expect(current.find((r) => r.id === row.id)).toMatchObject({ note: 'ask the customer' });

    const events = await readStream<ReconciliationUpdatedEvent & { runId?: string }>(msp, 'RECONCILE');
    for (const r of current) {
      const mine = events.filter((e) => e.rowId === r.id);
      expect(mine.map((e) => e.revision)).toEqual([...mine.map((e) => e.revision)].sort((a, b) => a - b));
      expect(mine.at(-1)).toMatchObject({
        revision: r.revision,
        state: r.state,
        vendorQuantity: r.vendorQuantity,
        psaQuantity: r.psaQuantity,
      });
    }
    expect(events.filter((e) => e.runId === quick.id).map((e) => (e as unknown as { state: string }).state)).toEqual([
      'pending',
      'in_progress',
      'complete',
    ]);
  });
});
