import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import {
  RECONCILIATION_SORTS,
  type ReconciliationRowView,
  type ReconciliationSort,
} from '@seatwise/shared/contracts/reconcile-views';
import type { RpcRequest } from '@seatwise/shared/contracts/rpcs';
import { waitFor } from '@seatwise/testing/wait';
import mongoose from 'mongoose';
import { type Reconcile, startReconcile, stopReconcile } from '../__fixtures__/reconcile-app';

type ListRequest = RpcRequest<'reconcile.reconciliation.list'>;

const ACCOUNTS: [id: string, name: string, edition: DuoEdition, seats: number][] = [
  ['DA1', 'Acme Dental', 'ENTERPRISE', 12],
  ['DA2', 'Blue Harbor Realty', 'PLATFORM', 4],
  ['DA3', 'Cedar Clinic', 'ENTERPRISE', 9],
  ['DA4', 'Delta Freight', 'PLATFORM', 6],
  // Premier stays unmapped: its row is `unmapped`, with a company and no product.
  ['DA5', 'Evergreen Law', 'BEYOND', 5],
];

const snapshot = ([accountId, name, edition, seats]: (typeof ACCOUNTS)[number]) => ({
  integrationId: 'int_spec',
  accountId,
  name,
  edition,
  userCount: seats,
  pendingDeletionCount: 0,
  billableSeats: seats,
  adminCount: null,
  integrationCount: null,
  observedAt: '2026-03-01T00:00:00.000Z',
});

// The rows the data below makes (vendor − PSA): -delta orders them DA3, DA5, then the tie DA4/DA1 by id
// descending, DA2's two.
const EXPECTED = {
  rec_DA1_essentials: { vendorQuantity: 12, psaQuantity: 10, delta: 2, type: 'under_billed' },
  rec_DA2_advantage: { vendorQuantity: 4, psaQuantity: 4, delta: 0, type: 'no_change' },
  rec_DA2_essentials: { vendorQuantity: 0, psaQuantity: 3, delta: -3, type: 'over_billed' },
  rec_DA3_essentials: { vendorQuantity: 9, psaQuantity: 0, delta: 9, type: 'new_revenue' },
  rec_DA4_advantage: { vendorQuantity: 6, psaQuantity: 4, delta: 2, type: 'under_billed' },
  rec_DA5_premier: { vendorQuantity: 5, psaQuantity: 0, delta: 5, type: 'unmapped' },
};

// What the list promises for a sort: the column's order ("-" reverses it), ties by id in the same direction.
function expectedOrder(rows: readonly ReconciliationRowView[], sort: ReconciliationSort): string[] {
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '') as keyof ReconciliationRowView;
  const key = (row: ReconciliationRowView): string | number => row[field] as string | number;
  return [...rows]
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -direction : direction;
      return a.id < b.id ? -direction : direction;
    })
    .map((row) => row.id);
}

describe('reconciliation review: sorted, filtered, named rows and their summary', () => {
  let reconcile: Reconcile;
  let connectionId = '';

  const page = (request: ListRequest) => reconcile.rpc.request('reconcile.reconciliation.list', request);
  const walk = async (request: ListRequest): Promise<ReconciliationRowView[][]> => {
    const pages: ReconciliationRowView[][] = [];
    let cursor: string | undefined;
    do {
      const next = await page({ ...request, ...(cursor === undefined ? {} : { cursor }) });
      pages.push(next.items);
      cursor = next.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return pages;
  };

  beforeAll(async () => {
    reconcile = await startReconcile();
    const { rpc, publisher } = reconcile;
    for (const account of ACCOUNTS) await publisher.publish('duo.account.snapshot', snapshot(account));
    await waitFor(
      async () => (await rpc.request('reconcile.mappings.accounts.list', {})).items.length === ACCOUNTS.length,
      { description: 'the account snapshots' },
    );
    // Company names equal the account names, so every account is mapped automatically.
    const { connection } = await rpc.request('reconcile.psa.import', {
      name: 'Spreadsheet',
      actor: 'bob',
      companies: ACCOUNTS.map(([id, name]) => ({ id: `c-${id}`, name })),
      products: [
        { id: 'p-ess', name: 'Duo Essentials' },
        { id: 'p-adv', name: 'Duo Advantage' },
      ],
      agreementLines: [
        { companyId: 'c-DA1', productId: 'p-ess', quantity: 10 },
        { companyId: 'c-DA2', productId: 'p-adv', quantity: 4 },
        { companyId: 'c-DA2', productId: 'p-ess', quantity: 3 },
        { companyId: 'c-DA4', productId: 'p-adv', quantity: 4 },
      ],
    });
    connectionId = connection.id;
    for (const [sku, productId] of [
      ['Essentials', 'p-ess'],
      ['Advantage', 'p-adv'],
    ] as const) {
      await rpc.request('reconcile.mappings.services.map', {
        sku,
        productId: `${connectionId}-${productId}`,
        actor: 'bob',
      });
    }
  });
  afterAll(() => stopReconcile(reconcile));

  it('computes the rows, each with its PSA company and product names', async () => {
    const [rows = []] = await walk({ limit: 200 });
    expect(Object.fromEntries(rows.map((r) => [r.id, r]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([id, figures]) => [id, expect.objectContaining(figures)])),
    );
    expect(rows.find((r) => r.id === 'rec_DA1_essentials')).toMatchObject({
      psaCompanyId: `${connectionId}-c-DA1`,
      psaCompanyName: 'Acme Dental',
      productName: 'Duo Essentials',
    });
    expect(rows.find((r) => r.id === 'rec_DA2_advantage')).toMatchObject({
      psaCompanyName: 'Blue Harbor Realty',
      productName: 'Duo Advantage',
    });
    expect(rows.find((r) => r.id === 'rec_DA5_premier')).toMatchObject({
      psaCompanyName: 'Evergreen Law',
      productId: null,
      productName: null,
    });
    await expect(
      reconcile.rpc.request('reconcile.reconciliation.get', { id: 'rec_DA4_advantage' }),
    ).resolves.toMatchObject({ psaCompanyName: 'Delta Freight', productName: 'Duo Advantage' });
  });

  it('sorts by delta descending across pages with the cursor, ties by id', async () => {
    const pages = await walk({ sort: '-delta', limit: 3 });
    expect(pages.map((p) => p.map((r) => r.id))).toEqual([
      ['rec_DA3_essentials', 'rec_DA5_premier', 'rec_DA4_advantage'],
      ['rec_DA1_essentials', 'rec_DA2_advantage', 'rec_DA2_essentials'],
    ]);
    expect(pages[1]!.every((r) => r.psaCompanyName !== null)).toBe(true);
    // A cursor belongs to its sort.
    const first = await page({ sort: '-delta', limit: 3 });
    await expect(page({ sort: 'delta', limit: 3, cursor: first.nextCursor! })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
    });
  });

  it('filters by SKU and by PSA company, alone or with a sort', async () => {
    const ids = async (request: ListRequest) => (await walk(request)).flat().map((r) => r.id);
    expect(await ids({ sku: 'Essentials', limit: 2 })).toEqual([
      'rec_DA1_essentials',
      'rec_DA2_essentials',
      'rec_DA3_essentials',
    ]);
    expect(await ids({ sku: 'Essentials', sort: '-delta', limit: 2 })).toEqual([
      'rec_DA3_essentials',
      'rec_DA1_essentials',
      'rec_DA2_essentials',
    ]);
    expect(await ids({ sku: 'Premier', limit: 2 })).toEqual(['rec_DA5_premier']);
    expect(await ids({ psaCompanyId: `${connectionId}-c-DA2`, sort: 'psaQuantity', limit: 1 })).toEqual([
      'rec_DA2_essentials',
      'rec_DA2_advantage',
    ]);
    await expect(page({ sku: 'Ultimate' as 'Free', limit: 5 })).rejects.toMatchObject({
      code: 'COMMON.VALIDATION_FAILED',
    });
  });

  it('walks every sort the list offers in its order, each row once', async () => {
    const [all = []] = await walk({ limit: 200 });
    for (const sort of RECONCILIATION_SORTS) {
      const walked = (await walk({ sort, limit: 2 })).flat().map((r) => r.id);
      expect({ sort, walked }).toEqual({ sort, walked: expectedOrder(all, sort) });
    }
  });

  it('keeps an index for every sortable column and filter', async () => {
    const connection = await mongoose
      .createConnection(reconcile.scope.mongoUrl, { dbName: reconcile.scope.dbName })
      .asPromise();
    try {
      const indexes = await connection.collection('reconciliation_rows').indexes();
      const keys = indexes.map((index) => JSON.stringify(index.key));
      for (const field of ['accountId', 'psaCompanyId', 'accountName', 'sku', 'delta', 'updatedAt', 'state']) {
        expect(keys).toContain(JSON.stringify({ [field]: 1, _id: 1 }));
      }
    } finally {
      await connection.close();
    }
  });

  it('summarizes rows by type and state, and the seats of mapped rows, for all accounts or one', async () => {
    const { rpc } = reconcile;
    await expect(rpc.request('reconcile.reconciliation.summary', {})).resolves.toEqual({
      rows: 6,
      byType: { new_revenue: 1, under_billed: 2, over_billed: 1, no_change: 1, unmapped: 1 },
      byState: { pending: 6, approved: 0, applied: 0, dismissed: 0, failed: 0 },
      pendingByType: { new_revenue: 1, under_billed: 2, over_billed: 1, no_change: 1, unmapped: 1 },
      mapped: { rows: 5, vendorQuantity: 31, psaQuantity: 21 },
      readiness: { ready: true, accountsMapped: expect.any(Number) as number, servicesMapped: 2 },
      // Nothing in this PSA data has a price.
      money: expect.objectContaining({ currency: null, mixedCurrencies: false }) as unknown,
    });
    await rpc.request('reconcile.reconciliation.dismiss', { ids: ['rec_DA2_essentials'], actor: 'bob' });
    await expect(rpc.request('reconcile.reconciliation.summary', { accountId: 'DA2' })).resolves.toEqual({
      rows: 2,
      byType: { new_revenue: 0, under_billed: 0, over_billed: 1, no_change: 1, unmapped: 0 },
      byState: { pending: 1, approved: 0, applied: 0, dismissed: 1, failed: 0 },
      pendingByType: { new_revenue: 0, under_billed: 0, over_billed: 0, no_change: 1, unmapped: 0 },
      mapped: { rows: 2, vendorQuantity: 4, psaQuantity: 7 },
      readiness: { ready: true, accountsMapped: expect.any(Number) as number, servicesMapped: 2 },
      money: expect.objectContaining({ currency: null }) as unknown,
    });
    await expect(rpc.request('reconcile.reconciliation.summary', { accountId: 'DA_NONE' })).resolves.toMatchObject({
      rows: 0,
      mapped: { rows: 0, vendorQuantity: 0, psaQuantity: 0 },
    });
  });
  it("shows the account's usage from discovery beside its rows: the newest revision, whatever order events come in", async () => {
    const usage = (revision: number, d30: number, reclaimable: number) => ({
      accountId: 'DA1',
      revision,
      billableUsers: 12,
      activeUsers: { d7: d30 - 1, d30, d90: d30 + 1 },
      reclaimable,
      unusedAfterDays: 30,
      at: `2026-03-0${revision}T00:00:00.000Z`,
    });
    const rowOfDa1 = () => reconcile.rpc.request('reconcile.reconciliation.get', { id: 'rec_DA1_essentials' });
    expect((await rowOfDa1()).usage).toBeNull();
    // Revision 3 first, then an older one (events of one account can arrive out of order after a replay).
    await reconcile.publisher.publish('discovery.account.usage', usage(3, 9, 3));
    await reconcile.publisher.publish('discovery.account.usage', usage(2, 5, 7));
    await waitFor(async () => (await rowOfDa1()).usage !== null, { description: "DA1's usage" });
    // The older revision arrived after and changed nothing: a marker event behind it proves it was consumed.
    await reconcile.publisher.publish('discovery.account.usage', { ...usage(1, 1, 1), accountId: 'DA2' });
    await waitFor(
      async () =>
        (await reconcile.rpc.request('reconcile.reconciliation.get', { id: 'rec_DA2_advantage' })).usage !== null,
      { description: "DA2's usage, published after DA1's older revision" },
    );
    expect((await rowOfDa1()).usage).toEqual({
      billableUsers: 12,
      activeUsers30d: 9,
      reclaimable: 3,
      unusedAfterDays: 30,
      at: '2026-03-03T00:00:00.000Z',
    });
    // Rows of other accounts are untouched by DA1's usage.
    expect(
      (await reconcile.rpc.request('reconcile.reconciliation.get', { id: 'rec_DA3_essentials' })).usage,
    ).toBeNull();
  });
});
