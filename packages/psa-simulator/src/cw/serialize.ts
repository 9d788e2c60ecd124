import type { Addition, Agreement, Company, World } from '../data/model';
import type { Product } from '../data/products';

// ConnectWise JSON shapes (fact sheet 3.1 models; field names as in CW's OpenAPI models). Nullable fields are
// emitted as null here so conditions can name them; the response writer drops nulls, as CW omits empty fields.
// `_href` links are left out: they would embed the port and break cross-run byte identity.

export type Json = Record<string, unknown>;

// CW timestamps are UTC ISO-8601 with second precision and a "Z".
export function cwDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const info = (lastUpdated: number, dateEntered?: number): Json => ({
  lastUpdated: cwDate(lastUpdated),
  updatedBy: 'Admin1',
  ...(dateEntered === undefined ? {} : { dateEntered: cwDate(dateEntered), enteredBy: 'Admin1' }),
});

export function companyJson(c: Company): Json {
  return {
    id: c.id,
    identifier: c.identifier,
    name: c.name,
    status: { id: 1, name: 'Active' },
    types: [{ id: 1, name: 'Client' }],
    deletedFlag: false,
    dateAcquired: cwDate(c.dateEntered),
    _info: info(c.lastUpdated, c.dateEntered),
  };
}

export function productJson(p: Product): Json {
  return {
    id: p.id,
    identifier: p.identifier,
    description: p.description,
    customerDescription: p.description,
    inactiveFlag: false,
    category: { id: 1, name: p.category },
    productClass: 'NonInventory',
    unitOfMeasure: { id: 1, name: 'Each' },
    price: p.price,
    cost: p.cost,
    priceAttribute: 'FixedFee',
    taxableFlag: false,
    dropShipFlag: false,
    specialOrderFlag: false,
    serializedFlag: false,
    _info: info(p.lastUpdated),
  };
}

export function agreementJson(world: World, a: Agreement): Json {
  const company = world.companyById.get(a.companyId);
  return {
    id: a.id,
    name: a.name,
    type: { id: 1, name: a.typeName },
    company: { id: a.companyId, identifier: company?.identifier ?? null, name: company?.name ?? null },
    agreementStatus: a.cancelled ? 'Cancelled' : 'Active',
    cancelledFlag: a.cancelled,
    startDate: cwDate(a.startDate),
    noEndingDateFlag: true,
    billingCycle: { id: 2, name: 'Monthly' },
    // CurrencyReference (CW model): the agreement bills in the PSA's currency.
    currency: { id: 1, currencyCode: world.currency },
    applicationUnits: 'Amount',
    _info: info(a.lastUpdated, a.dateEntered),
  };
}

const money = (n: number): number => Math.round(n * 100) / 100;

export function additionJson(world: World, x: Addition): Json {
  const product = world.productById.get(x.productId);
  const agreement = world.agreementById.get(x.agreementId);
  return {
    id: x.id,
    product: { id: x.productId, identifier: product?.identifier ?? null },
    quantity: x.quantity,
    lessIncluded: x.lessIncluded,
    unitPrice: x.unitPrice,
    unitCost: x.unitCost,
    billCustomer: x.billCustomer,
    effectiveDate: cwDate(x.effectiveDate),
    cancelledDate: x.cancelledDate === null ? null : cwDate(x.cancelledDate),
    taxableFlag: x.taxableFlag,
    invoiceDescription: x.invoiceDescription,
    description: x.description,
    purchaseItemFlag: false,
    specialOrderFlag: false,
    agreementId: x.agreementId,
    billedQuantity: x.quantity - x.lessIncluded,
    uom: 'Each',
    extPrice: money(x.quantity * x.unitPrice),
    extCost: money(x.quantity * x.unitCost),
    prorateCurrentPeriodFlag: false,
    agreementStatus: agreement?.cancelled ? 'Cancelled' : 'Active',
    _info: { lastUpdated: cwDate(x.lastUpdated), updatedBy: x.updatedBy },
  };
}
