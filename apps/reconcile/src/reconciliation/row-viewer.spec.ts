import type { AccountUsageDoc, AccountUsageRepository } from '../account-usage/account-usage.repository';
import type { PsaDataRepository } from '../psa/psa-data.repository';
import type { PsaCompanyDoc, PsaProductDoc } from '../psa/psa-records.schemas';
import { RowViewer } from './row-viewer';
import type { RowDoc } from './row.repository';

const company = (id: string, name: string) => ({ _id: id, name }) as PsaCompanyDoc;
const product = (id: string, name: string) => ({ _id: id, name }) as PsaProductDoc;

function row(id: string, psaCompanyId: string | null, productId: string | null, accountId = 'DA1'): RowDoc {
  return {
    _id: id,
    accountId,
    accountName: 'Acme',
    psaCompanyId,
    connectionId: null,
    connectionKind: null,
    sku: 'Essentials',
    productId,
    agreementId: null,
    agreementIssue: null,
    vendorQuantity: 2,
    psaQuantity: 1,
    delta: 1,
    type: 'under_billed',
    unitPrice: null,
    currency: null,
    monthlyImpact: 0,
    approved: null,
    mutedUntil: null,
    state: 'pending',
    effectiveDate: null,
    note: null,
    lastError: null,
    decidedBy: null,
    decidedAt: null,
    appliedAt: null,
    revision: 1,
    updatedAt: new Date('2026-03-01T00:00:00Z'),
    pushLeaseUntil: new Date(0),
    pushToken: null,
    changeIds: [],
  };
}

describe('RowViewer', () => {
  it('names a page of rows with one read per collection, null where there is no record', async () => {
    const companiesByIds = jest.fn((ids: string[]) =>
      Promise.resolve([company('c1', 'Acme Dental'), company('c2', 'Blue Harbor')].filter((c) => ids.includes(c._id))),
    );
    const productsByIds = jest.fn((ids: string[]) =>
      Promise.resolve([product('p1', 'Duo Essentials')].filter((p) => ids.includes(p._id))),
    );
    const agreementsByIds = jest.fn(() => Promise.resolve([]));
    const psa = { companiesByIds, productsByIds, agreementsByIds } as unknown as PsaDataRepository;
    const used: AccountUsageDoc = {
      _id: 'DA1',
      revision: 4,
      billableUsers: 12,
      activeUsers30d: 9,
      reclaimable: 3,
      unusedAfterDays: 30,
      at: new Date('2026-03-02T00:00:00Z'),
    };
    const byAccountIds = jest.fn((ids: readonly string[]) =>
      Promise.resolve([used].filter((u) => ids.includes(u._id))),
    );
    const usage = { byAccountIds } as unknown as AccountUsageRepository;
    const views = await new RowViewer(psa, usage).views([
      row('r1', 'c1', 'p1'),
      row('r2', 'c1', 'p1'),
      row('r3', 'c2', 'p-gone'),
      row('r4', null, null, 'DA2'),
    ]);
    expect(views.map((v) => [v.id, v.psaCompanyName, v.productName])).toEqual([
      ['r1', 'Acme Dental', 'Duo Essentials'],
      ['r2', 'Acme Dental', 'Duo Essentials'],
      ['r3', 'Blue Harbor', null],
      ['r4', null, null],
    ]);
    expect(companiesByIds.mock.calls).toEqual([[['c1', 'c2']]]);
    expect(productsByIds.mock.calls).toEqual([[['p1', 'p-gone']]]);
    // Usage beside the seats: the account's from discovery, null for an account it has not reported yet.
    expect(byAccountIds.mock.calls).toEqual([[['DA1', 'DA2']]]);
    expect(views[0]?.usage).toEqual({
      billableUsers: 12,
      activeUsers30d: 9,
      reclaimable: 3,
      unusedAfterDays: 30,
      at: '2026-03-02T00:00:00.000Z',
    });
    expect(views[3]?.usage).toBeNull();
  });
});
