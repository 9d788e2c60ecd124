import type { CatalogProduct } from '@seatwise/shared/contracts/discovery-views';
import { SaasCatalog } from '../catalog/saas-catalog';
import { rematchOf } from './rematch';

const custom = (id: string, name: string, aliases: string[]): CatalogProduct => ({
  id,
  name,
  vendor: name,
  category: 'Internal',
  domain: '',
  aliases,
  custom: true,
  vendorUrl: null,
});

describe('catalog versions and re-matching', () => {
  const service = {
    name: 'Payroll Portal',
    status: 'new' as const,
    catalog: null,
    catalogLocked: false,
    mergedInto: null,
  };

  it('changes its version with every custom revision and stamps it on each match', () => {
    const catalog = new SaasCatalog();
    const v0 = catalog.version;
    expect(catalog.match('Slack')).toMatchObject({ productId: 'slack', method: 'exact', catalogVersion: v0 });
    catalog.useCustom([custom('payroll', 'Payroll', ['Payroll Portal'])], 1);
    expect(catalog.version).not.toBe(v0);
    expect(catalog.match('payroll portal')).toMatchObject({ productId: 'payroll', catalogVersion: catalog.version });
    expect(catalog.get('payroll')?.custom).toBe(true);
  });

  it('re-matches a service the new version matches differently, and only that', () => {
    const catalog = new SaasCatalog();
    expect(rematchOf(service, (n) => catalog.match(n))).toBeNull();
    catalog.useCustom([custom('payroll', 'Payroll', ['Payroll Portal'])], 1);
    const change = rematchOf(service, (n) => catalog.match(n));
    expect(change).toEqual({
      status: 'known',
      catalog: expect.objectContaining({ productId: 'payroll', method: 'alias' }) as unknown,
    });
    // Matched to the same product by a later version: left as it is (the match keeps the version that made it).
    const matched = { ...service, status: 'known' as const, catalog: change!.catalog };
    catalog.useCustom([custom('payroll', 'Payroll', ['Payroll Portal', 'Payroll EU'])], 2);
    expect(rematchOf(matched, (n) => catalog.match(n))).toBeNull();
    // The product removed from the catalog: back to unmatched.
    catalog.useCustom([], 3);
    expect(rematchOf(matched, (n) => catalog.match(n))).toEqual({ status: 'new', catalog: null });
  });

  // Mutation tried: rematchOf without its catalogLocked guard fails this case.
  it('leaves alone what a person decided, what is merged, and keeps an ignored service ignored', () => {
    const catalog = new SaasCatalog();
    catalog.useCustom([custom('payroll', 'Payroll', ['Payroll Portal'])], 1);
    const match = (n: string) => catalog.match(n);
    expect(rematchOf({ ...service, catalogLocked: true }, match)).toBeNull();
    expect(rematchOf({ ...service, mergedInto: 'DA1.x' }, match)).toBeNull();
    expect(rematchOf({ ...service, status: 'ignored' }, match)).toMatchObject({ status: 'ignored' });
  });

  it('finds the product holding a name or alias, except the one being edited', () => {
    const catalog = new SaasCatalog();
    catalog.useCustom([custom('payroll', 'Payroll', ['Payroll Portal'])], 1);
    expect(catalog.holderOf(['nothing', 'SLACK'])?.id).toBe('slack');
    expect(catalog.holderOf(['payroll portal'])?.id).toBe('payroll');
    expect(catalog.holderOf(['payroll portal'], 'payroll')).toBeUndefined();
  });
});
