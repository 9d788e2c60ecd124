import { DAY, type Addition, type Agreement, type World } from '../data/model';
import { contractEnd, dayOf } from './at-dates';
import { UnitsBook } from './at-units';

// Records only the Autotask dialect shows, kept out of the shared world: companies that are not customers and a
// contract that is not a Recurring Service one, so clients must filter on companyType and contractType; and a
// second, non-internal currency, so they must pick the internal one.
export interface ExtraCompany {
  id: number;
  name: string;
  companyType: number;
  stamp: number;
}
export interface ExtraContract {
  id: number;
  companyId: number;
  name: string;
  contractType: number;
  start: number;
}
export interface Currency {
  id: number;
  code: string;
  internal: boolean;
}

export interface AtState {
  world: World;
  book: UnitsBook;
  companies: ExtraCompany[];
  contracts: ExtraContract[];
  currencies: Currency[];
  nextAdjustmentId: number;
}

// Autotask company types (Companies.companyType picklist): 1 Customer, 2 Lead, 3 Prospect, 7 Vendor.
export const CUSTOMER = 1;
// Contracts.contractType: 7 Recurring Service (fact sheet 3.2); 1 Time & Materials for the extra contract.
export const RECURRING_SERVICE = 7;
const TIME_AND_MATERIALS = 1;

// The units a line bills from its start until it was cancelled (a cancelled line's last day is the day before its
// cancellation) or the contract's end.
export function seedLine(book: UnitsBook, agreement: Agreement, line: Addition): void {
  const end = contractEnd(agreement);
  const last = line.cancelledDate === null ? end : Math.min(end, dayOf(line.cancelledDate) - DAY);
  book.open(line.id, dayOf(line.effectiveDate), last, line.quantity);
}

export function buildAtState(world: World): AtState {
  const book = new UnitsBook();
  for (const agreement of world.agreements) for (const line of agreement.additions) seedLine(book, agreement, line);
  const lastCompany = world.companies.reduce((max, c) => Math.max(max, c.id), 0);
  const lastContract = world.agreements.reduce((max, a) => Math.max(max, a.id), 0);
  const stamp = world.companies.reduce((min, c) => Math.min(min, c.lastUpdated), world.newestStamp);
  const firstCompany = world.companies[0];
  return {
    world,
    book,
    companies: [
      { id: lastCompany + 1, name: 'Northwind Prospects Ltd', companyType: 3, stamp },
      { id: lastCompany + 2, name: 'Contoso Distribution (Vendor)', companyType: 7, stamp },
      { id: lastCompany + 3, name: 'Fabrikam Leads Inc', companyType: 2, stamp },
    ],
    contracts: firstCompany
      ? [
          {
            id: lastContract + 1,
            companyId: firstCompany.id,
            name: `Time & Materials - ${firstCompany.identifier}`,
            contractType: TIME_AND_MATERIALS,
            start: dayOf(firstCompany.dateEntered),
          },
        ]
      : [],
    currencies: [
      { id: 1, code: world.currency, internal: true },
      { id: 2, code: world.currency === 'EUR' ? 'USD' : 'EUR', internal: false },
    ],
    nextAdjustmentId: 1,
  };
}
