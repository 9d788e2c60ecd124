import { type PsaLine, PsaLookup } from './psa-lookup';
import type { PsaAgreementDoc, PsaCompanyDoc } from './psa-records.schemas';

const company = (id: string, name: string): PsaCompanyDoc => ({
  _id: id,
  connectionId: 'cw',
  externalId: id,
  identifier: null,
  name,
  nameKey: name.toLowerCase(),
  seenRun: 'r1',
});

const agreement = (id: string, companyId: string, extra: Partial<PsaAgreementDoc> = {}): PsaAgreementDoc => ({
  _id: id,
  connectionId: 'cw',
  externalId: id.replace(/\D/g, ''),
  companyId,
  name: `Agreement ${id}`,
  cancelled: false,
  currency: 'USD',
  seenRun: 'r1',
  ...extra,
});

const line = (id: string, agreementId: string, companyId: string, extra: Partial<PsaLine> = {}): PsaLine => ({
  _id: id,
  externalId: id.replace(/\D/g, ''),
  agreementId,
  companyId,
  productId: 'p1',
  quantity: 5,
  unitPrice: 3,
  cancelled: false,
  ...extra,
});

describe('PsaLookup', () => {
  const lookup = new PsaLookup(
    [company('c1', 'Acme'), company('c2', 'Acme'), company('c3', 'Blue')],
    [
      agreement('a10', 'c1'),
      agreement('a9', 'c1', { currency: undefined as unknown as null }), // FerretDB drops stored nulls
      agreement('a3', 'c1', { cancelled: true }),
      agreement('a20', 'c3', { connectionId: 'at', currency: 'EUR' }),
    ],
    [
      line('l1', 'a10', 'c1'),
      line('l2', 'a10', 'c1', { productId: 'p2' }),
      line('l3', 'a9', 'c1', { cancelled: true }),
    ],
  );

  it('finds companies by exact-name key, every company that carries it', () => {
    expect(lookup.companiesByNameKey('acme').map((c) => c._id)).toEqual(['c1', 'c2']);
    expect(lookup.companiesByNameKey('nobody')).toEqual([]);
  });

  it('gives the companies and agreements of a page of ids, cancelled ones included, unknown ids left out', () => {
    expect(lookup.companiesWithIds(['c3', 'gone', 'c1']).map((c) => c._id)).toEqual(['c3', 'c1']);
    expect(lookup.agreementsWithIds(['a3', 'a20', 'nope']).map((a) => a.name)).toEqual([
      'Agreement a3',
      'Agreement a20',
    ]);
  });

  it("lists a company's active agreements by numeric PSA id, an absent currency as null", () => {
    expect(lookup.activeAgreements('c1').map((a) => [a._id, a.currency])).toEqual([
      ['a9', null],
      ['a10', 'USD'],
    ]);
    expect(lookup.activeAgreements('c2')).toEqual([]);
  });

  it('keeps active lines per company and product, and knows which agreements bill anything', () => {
    expect(lookup.activeLines('c1', 'p1').map((l) => l._id)).toEqual(['l1']);
    expect(lookup.activeLines('c1', 'p2').map((l) => l._id)).toEqual(['l2']);
    expect([...lookup.billingAgreementIds(['a9', 'a10', 'a20'])]).toEqual(['a10']);
  });

  it("names each connection's currency from its first agreement that has one", () => {
    expect(lookup.connectionCurrency('cw')).toBe('USD');
    expect(lookup.connectionCurrency('at')).toBe('EUR');
    expect(lookup.connectionCurrency('halo')).toBeNull();
  });

  it('takes a pushed line in place of the one it changed, a cancelled one billing nothing', () => {
    const changed = lookup.withLine(line('l1', 'a10', 'c1', { quantity: 9 }));
    expect(changed.activeLines('c1', 'p1').map((l) => l.quantity)).toEqual([9]);
    const added = changed.withLine(line('l4', 'a9', 'c1'));
    expect([...added.billingAgreementIds(['a9', 'a10'])].sort()).toEqual(['a10', 'a9']);
    const cancelled = added.withLine(line('l4', 'a9', 'c1', { cancelled: true }));
    expect([...cancelled.billingAgreementIds(['a9'])]).toEqual([]);
    expect(lookup.activeLines('c1', 'p1').map((l) => l.quantity)).toEqual([5]);
  });
});
