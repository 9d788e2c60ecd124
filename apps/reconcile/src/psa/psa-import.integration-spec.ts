import { waitFor } from '@seatwise/testing/wait';
import { type Reconcile, startReconcile, stopReconcile } from '../__fixtures__/reconcile-app';

const snapshot = (accountId: string, name: string, seats: number) => ({
  integrationId: 'int_spec',
  accountId,
  name,
  edition: 'PLATFORM' as const,
  userCount: seats,
  pendingDeletionCount: 0,
  billableSeats: seats,
  adminCount: null,
  integrationCount: null,
  observedAt: '2026-03-01T00:00:00.000Z',
});

describe('reconcile with a JSON import instead of a PSA', () => {
  let reconcile: Reconcile;

  beforeAll(async () => {
    reconcile = await startReconcile();
  });
  afterAll(() => stopReconcile(reconcile));

  it('imports companies, products and lines, reconciles them, and records approvals without pushing', async () => {
    const { rpc, publisher } = reconcile;
    await publisher.publish('duo.account.snapshot', snapshot('DA1', 'Acme Dental', 12));
    await publisher.publish('duo.account.snapshot', snapshot('DA2', 'Blue Harbor Realty', 4));
    await waitFor(async () => (await rpc.request('reconcile.mappings.accounts.list', {})).items.length === 2);

    const body = {
      name: 'Spreadsheet',
      actor: 'bob',
      companies: [
        { id: 'c1', name: 'ACME DENTAL ' },
        { id: 'c2', name: 'Blue Harbor Realty, LLC' },
      ],
      products: [{ id: 'p1', name: 'Duo Advantage' }],
      agreementLines: [
        { companyId: 'c1', productId: 'p1', quantity: 10 },
        { companyId: 'c2', productId: 'p1', quantity: 4 },
      ],
    };
    await expect(
      rpc.request('reconcile.psa.import', {
        ...body,
        agreementLines: [{ companyId: 'c9', productId: 'p1', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED', fields: [{ path: 'agreementLines.0.companyId' }] });
    expect((await rpc.request('reconcile.psa.connections.list', {})).items).toEqual([]);

    const { connection, counts } = await rpc.request('reconcile.psa.import', body);
    expect(counts).toEqual({ companies: 2, products: 1, agreementLines: 2 });
    const accounts = (await rpc.request('reconcile.mappings.accounts.list', {})).items;
    expect(accounts.find((a) => a.accountId === 'DA1')).toMatchObject({
      state: 'mapped',
      source: 'auto',
      psaCompanyId: `${connection.id}-c1`,
    });
    expect(accounts.find((a) => a.accountId === 'DA2')).toMatchObject({
      state: 'unmapped',
      suggestions: [{ psaCompanyId: `${connection.id}-c2`, score: 1 }],
    });
    await expect(rpc.request('reconcile.reconciliation.list', {})).rejects.toMatchObject({
      code: 'RECONCILE.NOT_READY',
    });

    await rpc.request('reconcile.mappings.services.map', {
      sku: 'Advantage',
      productId: `${connection.id}-p1`,
      actor: 'bob',
    });
    const rows = (await rpc.request('reconcile.reconciliation.list', {})).items;
    expect(rows).toEqual([
      expect.objectContaining({
        accountId: 'DA1',
        sku: 'Advantage',
        vendorQuantity: 12,
        psaQuantity: 10,
        delta: 2,
        type: 'under_billed',
        state: 'pending',
      }),
      // DA2 is not mapped yet: its seats are in the review all the same.
      expect.objectContaining({ accountId: 'DA2', sku: 'Advantage', vendorQuantity: 4, type: 'unmapped' }),
    ]);
    const [approved] = (await rpc.request('reconcile.reconciliation.approve', { ids: [rows[0]!.id], actor: 'bob' }))
      .items;
    expect(approved).toMatchObject({
      state: 'approved',
      note: expect.stringContaining('import connection') as unknown,
    });
    await expect(
      rpc.request('reconcile.sync-runs.start', { connectionId: connection.id, kind: 'quick', actor: 'bob' }),
    ).rejects.toMatchObject({ code: 'RECONCILE.CONNECTION_INVALID_STATE' });

    // Re-importing the corrected quantity closes the gap; the decided row comes back as pending, in line.
    await rpc.request('reconcile.psa.import', {
      ...body,
      connectionId: connection.id,
      agreementLines: [{ companyId: 'c1', productId: 'p1', quantity: 12 }],
    });
    await expect(rpc.request('reconcile.reconciliation.get', { id: rows[0]!.id })).resolves.toMatchObject({
      psaQuantity: 12,
      type: 'no_change',
      state: 'pending',
    });
  });
});
