import { resolveOptions } from '../options';
import { demoRoles } from './demo-companies';
import { normalizeCompanyName } from './names';
import { duoAccounts, type DuoAccount } from './pairing';
import type { Product } from './products';
import { truthOf, type TruthCompany } from './truth';
import { buildWorld } from './world';

type RowType = 'new_revenue' | 'under_billed' | 'over_billed' | 'no_change' | 'unmapped';
const ALL_TYPES: RowType[] = ['new_revenue', 'under_billed', 'over_billed', 'no_change', 'unmapped'];

// The stack's demo: the same seed for both simulators, 40 users per account by default.
function demoWorld(accounts: number, usersPerAccount = 40, seed = 'demo-3') {
  const options = resolveOptions({ seed, duoPairing: { seed, accounts, usersPerAccount, demo: true } });
  const world = buildWorld(options, 1_700_000_000_000);
  return { duo: duoAccounts(options.duoPairing!), world, truth: truthOf(world) };
}

// Reconcile's rules, restated here as an independent oracle (apps/reconcile/src/reconciliation): with every Duo
// SKU mapped and the account mapped to its exact-name company, its own SKU gives a row (unmapped when Duo does
// not expose the edition), and every other SKU the company is billed for gives one with no Duo seats.
function classify(vendor: number, psa: number): RowType {
  if (vendor > 0 && psa === 0) return 'new_revenue';
  if (vendor > psa) return 'under_billed';
  if (vendor < psa) return 'over_billed';
  return 'no_change';
}

function billed(company: TruthCompany, product: Product): number {
  return company.agreements
    .filter((a) => !a.cancelled)
    .flatMap((a) => a.additions)
    .filter((x) => !x.cancelled && x.productId === product.id)
    .reduce((n, x) => n + x.quantity, 0);
}

function rowTypes(account: DuoAccount, company: TruthCompany, catalog: readonly Product[]): RowType[] {
  const skus = catalog.filter((p) => p.duoEdition !== null);
  const own = account.editionExposed ? skus.find((p) => p.duoEdition === account.edition) : undefined;
  const types: RowType[] = [own ? classify(account.billableSeats, billed(company, own)) : 'unmapped'];
  for (const other of skus.filter((p) => p !== own)) {
    if (billed(company, other) > 0) types.push(classify(0, billed(company, other)));
  }
  return types;
}

function typesOf({ duo, world, truth }: ReturnType<typeof demoWorld>): Set<RowType> {
  const types = new Set<RowType>();
  for (const company of truth.companies.filter((c) => c.pairing === 'exact')) {
    const account = duo.find((a) => a.id === company.pairedDuoAccountId);
    if (account) for (const type of rowTypes(account, company, world.catalog)) types.add(type);
  }
  return types;
}

describe('the demo MSP companies (duoPairing.demo)', () => {
  it.each(['demo-3', 'other-seed'])('give every row type once reconciled (seed %s)', (seed) => {
    expect([...typesOf(demoWorld(5, 40, seed))].sort()).toEqual([...ALL_TYPES].sort());
  });

  it.each([
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [8, 5],
  ])('with %i accounts, still show %i row types', (accounts, count) => {
    expect(typesOf(demoWorld(accounts)).size).toBe(count);
  });

  it('name exact companies exactly, and leave one near name that is more than a case or spacing change', () => {
    const { duo, truth } = demoWorld(5);
    const paired = truth.companies.filter((c) => c.pairing !== 'none');
    const near = paired.filter((c) => c.pairing === 'near');
    expect(near).toHaveLength(1);
    for (const company of paired) {
      const account = duo.find((a) => a.id === company.pairedDuoAccountId);
      if (company.pairing === 'exact') expect(company.name).toBe(account?.name);
      else {
        expect(company.name.toLowerCase().replace(/\s+/g, ' ')).not.toBe(account?.name.toLowerCase());
        expect(normalizeCompanyName(company.name)).toBe(normalizeCompanyName(account?.name ?? ''));
      }
    }
    expect(truth.companies.filter((c) => c.pairing === 'none')).toHaveLength(2);
  });

  it('bill under-billed accounts between one seat and one fewer than they have, however few users', () => {
    for (const users of [1, 2, 3, 5, 40]) {
      const { duo, truth, world } = demoWorld(5, users);
      const roles = demoRoles(duo);
      for (const [i, account] of duo.entries()) {
        if (roles[i] !== 'under_billed' && roles[i] !== 'near_name') continue;
        const company = truth.companies.find((c) => c.pairedDuoAccountId === account.id);
        const product = world.catalog.find((p) => p.duoEdition === account.edition);
        const quantity = company && product ? billed(company, product) : -1;
        if (account.billableSeats < 2) expect(quantity).toBe(account.billableSeats);
        else expect([quantity >= 1, quantity < account.billableSeats]).toEqual([true, true]);
      }
    }
  });

  it('are the same for the same options', () => {
    expect(demoWorld(6).truth).toEqual(demoWorld(6).truth);
  });
});
