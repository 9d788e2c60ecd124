import { waitFor } from '@seatwise/testing/wait';
import type { ReconciliationUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import {
  allPages,
  readStream,
  billed,
  firstActiveLine,
  type Msp,
  SKU_EDITION,
  SKU_PRODUCT,
  snapshotOf,
  startMsp,
  stopMsp,
} from './__fixtures__/msp-fixture';
// The key automatic mapping uses, so the spec predicts exactly which accounts the service maps.
import { exactKey } from '@seatwise/shared/text/exact-key';

const ACTOR = 'alice@msp.example';

describe('reconcile: a 20-account MSP against the Duo and ConnectWise simulators', () => {
  let msp: Msp;
  let connectionId = '';
  const productIds = new Map<string, string>(); // SKU → our product id
  const at = new Date('2026-03-01T00:00:00Z');

  beforeAll(async () => {
    msp = await startMsp('msp-acceptance', 20);
  });
  afterAll(() => stopMsp(msp));

  const companyId = (cwId: number) => `${connectionId}-${cwId}`;
  const cwIdOf = (row: { psaCompanyId: string | null }) => Number(row.psaCompanyId!.slice(connectionId.length + 1));
  const rows = () => allPages(msp, 'reconcile.reconciliation.list', { limit: 7 });
  const expectCode = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });
  // Publishes a newer snapshot (`later` ms after the first) of the index-th mapped account with `extra` more
  // seats; resolves once the account's row is pending at the new count.
  const reopen = async (index: number, later: number, extra: number) => {
    const mapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const account = msp.duo.truth().accounts.find((a) => a.account_id === mapped[index]!.accountId)!;
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
    const info = msp.psa.info;
    const input = {
      name: 'CW',
      kind: 'connectwise' as const,
      siteUrl: msp.psa.url,
      companyId: info.companyId,
      publicKey: info.publicKey,
      privateKey: info.privateKey,
      clientId: info.clientId,
      actor: ACTOR,
    };
    await expect(
      msp.rpc.request('reconcile.psa.connections.create', { ...input, privateKey: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'RECONCILE.PSA_CREDENTIALS_INVALID',
      message: expect.stringContaining('401') as unknown,
    });
    expect((await msp.rpc.request('reconcile.psa.connections.list', {})).items).toEqual([]);
    const connection = await msp.rpc.request('reconcile.psa.connections.create', input);
    expect(JSON.stringify(connection)).not.toContain(info.privateKey);
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

  it('maps services and accepts suggestions; bad mappings get coded errors and change nothing', async () => {
    const products = await allPages(msp, 'reconcile.psa.products.list', { connectionId });
    for (const [sku, identifier] of Object.entries(SKU_PRODUCT)) {
      const product = products.find((p) => p.identifier === identifier)!;
      productIds.set(sku, product.id);
      await msp.rpc.request('reconcile.mappings.services.map', {
        sku: sku as 'Essentials',
        productId: product.id,
        actor: ACTOR,
      });
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
    await expectCode(
      msp.rpc.request('reconcile.mappings.accounts.map', {
        accountId: taken.accountId,
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
    await expectCode(
      msp.rpc.request('reconcile.mappings.accounts.exclude', {
        accountId: unmapped.find((u) => u.suggestions[0]?.score !== 1)!.accountId,
        actor: ACTOR,
      }),
      'RECONCILE.MAPPING_INVALID_STATE',
    );
  });

  it('reconciles every mapped account × service against the PSA truth', async () => {
    const truth = msp.psa.truth();
    const duo = new Map(msp.duo.truth().accounts.map((a) => [a.account_id, a]));
    const mapped = await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' });
    const expected = mapped.flatMap((m) => {
      const cwId = cwIdOf(m);
      const account = duo.get(m.accountId)!;
      return Object.entries(SKU_PRODUCT).flatMap(([sku, identifier]) => {
        const vendorQuantity = SKU_EDITION[account.edition] === sku ? account.billable_seats : 0;
        const psaQuantity = billed(truth, cwId, identifier);
        if (vendorQuantity === 0 && psaQuantity === 0) return [];
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
          {
            accountId: m.accountId,
            sku,
            psaCompanyId: m.psaCompanyId,
            productId: productIds.get(sku),
            vendorQuantity,
            psaQuantity,
            delta,
            type,
            state: 'pending',
          },
        ];
      });
    });
    const actual = await rows();
    expect(
      actual
        .map((r) => ({
          accountId: r.accountId,
          sku: r.sku,
          psaCompanyId: r.psaCompanyId,
          productId: r.productId,
          vendorQuantity: r.vendorQuantity,
          psaQuantity: r.psaQuantity,
          delta: r.delta,
          type: r.type,
          state: r.state,
        }))
        .sort((a, b) => `${a.accountId}${a.sku}`.localeCompare(`${b.accountId}${b.sku}`)),
    ).toEqual(expected.sort((a, b) => `${a.accountId}${a.sku}`.localeCompare(`${b.accountId}${b.sku}`)));
    expect(actual.some((r) => r.type === 'under_billed' || r.type === 'over_billed')).toBe(true);
    expect(actual.some((r) => r.type === 'no_change')).toBe(true);
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.list', { cursor: 'garbage' }),
      'COMMON.VALIDATION_FAILED',
    );
  });

  it('refuses to approve unknown or unmapped rows, all or nothing', async () => {
    const [victim, other] = (await allPages(msp, 'reconcile.mappings.accounts.list', { state: 'mapped' })).slice(-2);
    await msp.rpc.request('reconcile.mappings.accounts.unmap', {
      accountId: victim!.accountId,
      actor: ACTOR,
      note: 'wrong company',
    });
    const unmappedRow = (await rows()).find((r) => r.accountId === victim!.accountId)!;
    expect(unmappedRow).toMatchObject({ type: 'unmapped', psaCompanyId: null, productId: null });
    const otherRow = (await rows()).find((r) => r.accountId === other!.accountId)!;
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.approve', { ids: [otherRow.id, unmappedRow.id], actor: ACTOR }),
      'RECONCILE.ROW_INVALID_STATE',
    );
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.approve', { ids: [otherRow.id, 'rec_nope'], actor: ACTOR }),
      'RECONCILE.ROW_NOT_FOUND',
    );
    expect(await msp.rpc.request('reconcile.reconciliation.get', { id: otherRow.id })).toMatchObject({
      state: 'pending',
      revision: otherRow.revision,
    });
    await msp.rpc.request('reconcile.mappings.accounts.map', {
      accountId: victim!.accountId,
      psaCompanyId: victim!.psaCompanyId!,
      actor: ACTOR,
      note: 'right after all',
    });
  });

  it('approve-all pushes the Duo seats to the first active addition, verified, and audits every action', async () => {
    const pending = (await rows()).filter((r) => r.state === 'pending' && r.type !== 'unmapped');
    const approved = await msp.rpc.request('reconcile.reconciliation.approve', {
      ids: pending.map((r) => r.id),
      actor: ACTOR,
      note: 'March true-up',
    });
    expect(approved.items.every((r) => r.state === 'approved' || r.state === 'applied')).toBe(true);
    const done = await waitFor(
      async () => {
        const all = await rows();
        return all.every((r) => r.state !== 'approved') ? all : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(done.filter((r) => r.state === 'failed')).toEqual([]);
    const truth = msp.psa.truth();
    for (const row of done) {
      expect(row).toMatchObject({
        state: 'applied',
        psaQuantity: row.vendorQuantity,
        delta: 0,
        type: 'no_change',
        decidedBy: ACTOR,
      });
      const cwId = cwIdOf(row);
      expect(billed(truth, cwId, SKU_PRODUCT[row.sku]!)).toBe(row.vendorQuantity);
      if (row.vendorQuantity > 0) {
        expect(firstActiveLine(truth, cwId, SKU_PRODUCT[row.sku]!)?.quantity).toBeGreaterThan(0);
      }
    }
    const audit = await allPages(msp, 'reconcile.audit.list', { limit: 200 });
    for (const row of done) {
      const mine = audit.filter((a) => a.targetId === row.id);
      expect(mine.filter((a) => a.action === 'row.approve')).toEqual([
        expect.objectContaining({ actor: ACTOR, note: 'March true-up', accountId: row.accountId }),
      ]);
      expect(mine.filter((a) => a.action === 'row.applied')).toHaveLength(1);
    }
    expect(audit.filter((a) => a.action === 'mapping.account.auto').length).toBeGreaterThan(0);
    expect(audit.filter((a) => a.action === 'mapping.service.map')).toHaveLength(4);
    await expectCode(
      msp.rpc.request('reconcile.reconciliation.approve', { ids: [done[0]!.id], actor: ACTOR }),
      'RECONCILE.ROW_INVALID_STATE',
    );
  });

  it('retries 429s and 5xx during a push and applies once', async () => {
    const firstThree = [await reopen(0, 60_000, 3), await reopen(1, 60_000, 3), await reopen(2, 60_000, 3)];
    const reopened = firstThree.map((r) => r.row);
    expect(reopened.map((r) => r.type)).toEqual(['under_billed', 'under_billed', 'under_billed']);
    // Spend the API member's whole budget so the next calls meet 429 + Retry-After, and add 5xx on top.
    msp.psa.setRateLimits({ perMinute: 60 });
    const auth = `Basic ${Buffer.from(`${msp.psa.info.companyId}+${msp.psa.info.publicKey}:${msp.psa.info.privateKey}`).toString('base64')}`;
    await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(`${msp.psa.info.apiUrl}/company/companies/count`, {
          headers: { Authorization: auth, clientId: msp.psa.info.clientId },
        }),
      ),
    );
    expect(
      (
        await fetch(`${msp.psa.info.apiUrl}/company/companies/count`, {
          headers: { Authorization: auth, clientId: msp.psa.info.clientId },
        })
      ).status,
    ).toBe(429);
    msp.psa.setFaults({ error500: 0.15, error503: 0.15 });
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: reopened.map((r) => r.id), actor: ACTOR });
    const applied = await waitFor(
      async () => {
        const r = await Promise.all(reopened.map((x) => msp.rpc.request('reconcile.reconciliation.get', { id: x.id })));
        return r.every((x) => x.state !== 'approved') ? r : null;
      },
      { timeoutMs: 90_000 },
    );
    msp.psa.setFaults({});
    msp.psa.setRateLimits(false);
    const truth = msp.psa.truth();
    for (const row of applied) {
      expect(row).toMatchObject({
        state: 'applied',
        vendorQuantity: reopened.find((r) => r.id === row.id)!.vendorQuantity,
        delta: 0,
      });
      expect(billed(truth, cwIdOf(row), SKU_PRODUCT[row.sku]!)).toBe(row.vendorQuantity);
      const audit = await msp.rpc.request('reconcile.audit.list', { targetId: row.id, action: 'row.applied' });
      expect(audit.items).toHaveLength(2); // once in approve-all, once now
    }
  });

  it('fails rows while the PSA is down and applies them on retry', async () => {
    const { account, row } = await reopen(3, 120_000, 7);
    msp.psa.setFaults({ error503: 1 });
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: [row.id], actor: ACTOR });
    const failed = await waitFor(async () => {
      const r = await msp.rpc.request('reconcile.reconciliation.get', { id: row.id });
      return r.state === 'failed' ? r : null;
    });
    expect(failed.lastError).toMatchObject({
      code: 'RECONCILE.PSA_UPSTREAM_FAILED',
      message: expect.stringContaining('503') as unknown,
    });
    msp.psa.setFaults({});
    await msp.rpc.request('reconcile.reconciliation.approve', { ids: [row.id], actor: ACTOR, note: 'retry' });
    await waitFor(
      async () => (await msp.rpc.request('reconcile.reconciliation.get', { id: row.id })).state === 'applied',
    );
    expect(billed(msp.psa.truth(), cwIdOf(row), SKU_PRODUCT[row.sku]!)).toBe(account.billable_seats + 7);
  });

  it('dismisses and resets rows, syncs quickly, and announces every change on the bus', async () => {
    const { row } = await reopen(4, 180_000, 1);
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

    const quick = await msp.rpc.request('reconcile.sync-runs.start', { connectionId, kind: 'quick', actor: ACTOR });
    const done = await waitFor(async () => {
      const r = await msp.rpc.request('reconcile.sync-runs.get', { id: quick.id });
      return r.state === 'complete' || r.state === 'failed' ? r : null;
    });
    expect(done).toMatchObject({ state: 'complete', kind: 'quick' });
    // The pushes stamped lastUpdated on their additions; a quick sync reads those back and nothing else moves.
    expect(done.counts.additions).toBeGreaterThan(0);
    expect(done.counts.companies).toBeLessThan(msp.psa.truth().companies.length);
    const current = await rows();
    expect(current.filter((r) => r.state === 'pending').map((r) => r.id)).toEqual([row.id]);

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
