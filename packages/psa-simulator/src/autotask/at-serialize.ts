import type { Addition, Agreement, Company, World } from '../data/model';
import type { Product } from '../data/products';
import { atDate, contractEnd, contractStart, termEnd } from './at-dates';
import type { UnitPeriod } from './at-units';
import { CUSTOMER, RECURRING_SERVICE, type Currency, type ExtraCompany, type ExtraContract } from './at-state';

// Autotask REST JSON shapes (field names as in Autotask's entity models, camelCase as REST answers them). Nulls
// are kept: Autotask answers them. Each entity's field list is declared once; the serializers must fill exactly
// those fields (the type says so), and filters and IncludeFields are checked against them.

export const COMPANY_FIELDS = [
  'id',
  'companyName',
  'companyNumber',
  'companyType',
  'isActive',
  'phone',
  'ownerResourceID',
  'parentCompanyID',
  'createDate',
  'lastActivityDate',
  'lastTrackedModifiedDateTime',
] as const;
export const CONTRACT_FIELDS = [
  'id',
  'companyID',
  'contractName',
  'contractNumber',
  'contractType',
  'contractCategory',
  'status',
  'startDate',
  'endDate',
  'description',
  'isDefaultContract',
  'lastModifiedDateTime',
] as const;
export const SERVICE_FIELDS = [
  'id',
  'name',
  'description',
  'invoiceDescription',
  'unitPrice',
  'unitCost',
  'periodType',
  'isActive',
  'billingCodeID',
  'vendorCompanyID',
  'createDate',
  'lastModifiedDate',
] as const;
export const CONTRACT_SERVICE_FIELDS = [
  'id',
  'contractID',
  'serviceID',
  'unitPrice',
  'adjustedPrice',
  'unitCost',
  'invoiceDescription',
  'internalDescription',
  'quoteItemID',
  'internalCurrencyUnitPrice',
  'internalCurrencyAdjustedPrice',
] as const;
export const UNIT_FIELDS = [
  'id',
  'contractID',
  'contractServiceID',
  'serviceID',
  'startDate',
  'endDate',
  'units',
  'price',
  'cost',
  'approveAndPostDate',
  'vendorCompanyID',
] as const;
export const CURRENCY_FIELDS = [
  'id',
  'name',
  'description',
  'displaySymbol',
  'exchangeRate',
  'isActive',
  'isInternalCurrency',
] as const;

type Shape<F extends readonly string[]> = Record<F[number], unknown>;

// The simulator's API user owns every company (an Autotask resource id).
const OWNER = 29682885;
const MONTHLY = 3;
const BILLING_CODE = 29682801;
// Contracts.status: 1 active, 0 inactive (a cancelled agreement).
const ACTIVE = 1;
const INACTIVE = 0;

export function companyJson(c: Company): Shape<typeof COMPANY_FIELDS> {
  return {
    id: c.id,
    companyName: c.name,
    companyNumber: c.identifier,
    companyType: CUSTOMER,
    isActive: true,
    phone: '',
    ownerResourceID: OWNER,
    parentCompanyID: null,
    createDate: atDate(c.dateEntered),
    lastActivityDate: atDate(c.lastUpdated),
    lastTrackedModifiedDateTime: atDate(c.lastUpdated),
  };
}

export function extraCompanyJson(c: ExtraCompany): Shape<typeof COMPANY_FIELDS> {
  return {
    id: c.id,
    companyName: c.name,
    companyNumber: null,
    companyType: c.companyType,
    isActive: true,
    phone: '',
    ownerResourceID: OWNER,
    parentCompanyID: null,
    createDate: atDate(c.stamp),
    lastActivityDate: atDate(c.stamp),
    lastTrackedModifiedDateTime: atDate(c.stamp),
  };
}

export function contractJson(a: Agreement): Shape<typeof CONTRACT_FIELDS> {
  return {
    id: a.id,
    companyID: a.companyId,
    contractName: a.name,
    contractNumber: `SW-${a.id}`,
    contractType: RECURRING_SERVICE,
    contractCategory: 1,
    status: a.cancelled ? INACTIVE : ACTIVE,
    startDate: atDate(contractStart(a)),
    endDate: atDate(contractEnd(a)),
    description: a.typeName,
    isDefaultContract: false,
    lastModifiedDateTime: atDate(a.lastUpdated),
  };
}

export function extraContractJson(c: ExtraContract): Shape<typeof CONTRACT_FIELDS> {
  return {
    id: c.id,
    companyID: c.companyId,
    contractName: c.name,
    contractNumber: `SW-${c.id}`,
    contractType: c.contractType,
    contractCategory: 1,
    status: ACTIVE,
    startDate: atDate(c.start),
    endDate: atDate(termEnd(c.start)),
    description: 'Time & Materials',
    isDefaultContract: true,
    lastModifiedDateTime: atDate(c.start),
  };
}

// Autotask Services carry no SKU field; the MSP's part number goes in the description.
export function serviceJson(p: Product): Shape<typeof SERVICE_FIELDS> {
  return {
    id: p.id,
    name: p.description,
    description: `${p.description} (${p.identifier})`,
    invoiceDescription: p.description,
    unitPrice: p.price,
    unitCost: p.cost,
    periodType: MONTHLY,
    isActive: true,
    billingCodeID: BILLING_CODE,
    vendorCompanyID: null,
    createDate: atDate(p.lastUpdated),
    lastModifiedDate: atDate(p.lastUpdated),
  };
}

// unitPrice is the service's catalog price when the line was added; a line billed at another price shows it as
// adjustedPrice (the only price a contract service can change).
export function contractServiceJson(world: World, x: Addition): Shape<typeof CONTRACT_SERVICE_FIELDS> {
  const catalog = world.productById.get(x.productId)?.price ?? x.unitPrice;
  const adjusted = x.unitPrice === catalog ? null : x.unitPrice;
  return {
    id: x.id,
    contractID: x.agreementId,
    serviceID: x.productId,
    unitPrice: catalog,
    adjustedPrice: adjusted,
    unitCost: x.unitCost,
    invoiceDescription: x.invoiceDescription,
    internalDescription: x.description,
    quoteItemID: null,
    internalCurrencyUnitPrice: catalog,
    internalCurrencyAdjustedPrice: adjusted,
  };
}

// One period's units; price and cost are per unit (the line's current price).
export function unitJson(x: Addition, period: UnitPeriod): Shape<typeof UNIT_FIELDS> {
  return {
    id: period.id,
    contractID: x.agreementId,
    contractServiceID: x.id,
    serviceID: x.productId,
    startDate: atDate(period.start),
    endDate: atDate(period.end),
    units: period.units,
    price: x.unitPrice,
    cost: x.unitCost,
    approveAndPostDate: null,
    vendorCompanyID: null,
  };
}

export function currencyJson(c: Currency): Shape<typeof CURRENCY_FIELDS> {
  return {
    id: c.id,
    name: c.code,
    description: c.code,
    displaySymbol: c.code === 'EUR' ? '€' : c.code === 'GBP' ? '£' : '$',
    exchangeRate: 1,
    isActive: true,
    isInternalCurrency: c.internal,
  };
}
