import { Injectable } from '@nestjs/common';
import { SKU_OF_EDITION, UNKNOWN_SKU } from '@seatwise/shared/contracts/reconcile-views';
import { type AccountMappingDoc, AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { type ServiceMappingDoc, ServiceMappingRepository } from '../mapping-store/service-mapping.repository';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { type Billing, PsaDataRepository } from '../psa/psa-data.repository';
import type { PsaCompanyDoc, PsaProductDoc } from '../psa/psa-records.schemas';
import type { VendorAccountDoc } from '../vendor-accounts/vendor-account.repository';
import { AgreementChoice } from './agreement-choice';
import { classify } from './classify';
import { type RowDoc, rowId } from './row.repository';

// The fields of a row that follow from the data; the rest (state, decision, push) are the decisions' own.
export type ComputedRow = Pick<
  RowDoc,
  | '_id'
  | 'accountId'
  | 'accountName'
  | 'psaCompanyId'
  | 'connectionId'
  | 'connectionKind'
  | 'sku'
  | 'productId'
  | 'agreementId'
  | 'agreementIssue'
  | 'vendorQuantity'
  | 'psaQuantity'
  | 'delta'
  | 'type'
  | 'unitPrice'
  | 'currency'
  | 'monthlyImpact'
>;

interface Context {
  vendor: VendorAccountDoc;
  sku: string;
  mapping: AccountMappingDoc | null;
  company: PsaCompanyDoc | null;
  services: Map<string, ServiceMappingDoc>;
}

// What an account's rows should be (mapped account × service), from its vendor snapshot, the mappings and the
// synced PSA lines. An account with seats is always in the review: unmapped, its own SKU's row is `unmapped` with
// its seats (money at risk, priced when the SKU's product is known); an excluded account has none (the reconciler
// removes them). Rows that exist but are no longer backed by a mapping stay, as unmapped.
@Injectable()
export class DesiredRows {
  constructor(
    private readonly accountMappings: AccountMappingRepository,
    private readonly serviceMappings: ServiceMappingRepository,
    private readonly psa: PsaDataRepository,
    private readonly connections: PsaConnectionRepository,
    private readonly agreements: AgreementChoice,
  ) {}

  async of(vendor: VendorAccountDoc, existing: Map<string, RowDoc>): Promise<ComputedRow[]> {
    const mapping = await this.accountMappings.get({ accountId: vendor._id });
    const company =
      mapping?.state === 'mapped' && mapping.psaCompanyId ? await this.psa.company(mapping.psaCompanyId) : null;
    const services = new Map((await this.serviceMappings.all()).map((s) => [s._id as string, s]));
    const sku = vendor.edition ? SKU_OF_EDITION[vendor.edition] : UNKNOWN_SKU;
    const ctx: Context = { vendor, sku, mapping, company, services };
    const out = new Map<string, ComputedRow>();
    if (company) await this.mappedRows(ctx, company, existing, out);
    const ownId = rowId(vendor._id, sku);
    if (!out.has(ownId) && mapping?.state !== 'excluded' && (vendor.billableSeats > 0 || existing.has(ownId))) {
      out.set(ownId, await this.unmapped(ctx, sku));
    }
    for (const [id, row] of existing) if (!out.has(id)) out.set(id, await this.unmapped(ctx, row.sku));
    return [...out.values()];
  }

  private async mappedRows(
    ctx: Context,
    company: PsaCompanyDoc,
    existing: Map<string, RowDoc>,
    out: Map<string, ComputedRow>,
  ): Promise<void> {
    const kind = (await this.connections.findById(company.connectionId))?.kind ?? null;
    for (const [serviceSku, service] of ctx.services) {
      const product = await this.productOf(company, service);
      if (!product) continue;
      const own = serviceSku === ctx.sku;
      const billing = await this.psa.billing(company._id, product._id);
      const id = rowId(ctx.vendor._id, serviceSku);
      if (!own && billing.quantity === 0 && !existing.has(id)) continue;
      const vendorQuantity = own ? ctx.vendor.billableSeats : 0;
      const where =
        billing.agreementId === null && vendorQuantity > 0
          ? await this.agreements.forNewLine(company._id, ctx.mapping?.agreementId ?? null)
          : { agreementId: billing.agreementId, issue: null, currency: billing.currency };
      out.set(id, {
        ...base(ctx, serviceSku, company),
        connectionId: company.connectionId,
        connectionKind: kind,
        productId: product._id,
        agreementId: where.agreementId,
        agreementIssue: where.issue,
        ...money(vendorQuantity, billing, product, where.currency),
      });
    }
  }

  // null when the SKU is not mapped to a product of the company's PSA (or the product is gone).
  private async productOf(
    company: PsaCompanyDoc,
    service: ServiceMappingDoc | undefined,
  ): Promise<PsaProductDoc | null> {
    if (service?.state !== 'mapped' || !service.productId || service.connectionId !== company.connectionId) return null;
    return this.psa.product(service.productId);
  }

  // A row nobody can push yet: the account or its SKU is not mapped. Priced from the SKU's product, if mapped.
  private async unmapped(ctx: Context, rowSku: string): Promise<ComputedRow> {
    const vendorQuantity = rowSku === ctx.sku ? ctx.vendor.billableSeats : 0;
    const service = ctx.services.get(rowSku);
    const product = service?.state === 'mapped' && service.productId ? await this.psa.product(service.productId) : null;
    const unitPrice = product?.unitPrice ?? null;
    return {
      ...base(ctx, rowSku, ctx.company),
      connectionId: null,
      connectionKind: null,
      productId: null,
      agreementId: null,
      agreementIssue: null,
      vendorQuantity,
      psaQuantity: 0,
      delta: vendorQuantity,
      type: 'unmapped',
      unitPrice,
      currency: product ? await this.agreements.currencyOf(product.connectionId) : null,
      monthlyImpact: impact(vendorQuantity, unitPrice),
    };
  }
}

function base(ctx: Context, sku: string, company: PsaCompanyDoc | null) {
  return {
    _id: rowId(ctx.vendor._id, sku),
    accountId: ctx.vendor._id,
    accountName: ctx.vendor.name,
    psaCompanyId: company?._id ?? null,
    sku,
  };
}

function money(vendorQuantity: number, billing: Billing, product: PsaProductDoc, currency: string | null) {
  const delta = vendorQuantity - billing.quantity;
  const unitPrice = billing.unitPrice ?? product.unitPrice ?? null;
  return {
    vendorQuantity,
    psaQuantity: billing.quantity,
    delta,
    type: classify(vendorQuantity, billing.quantity),
    unitPrice,
    currency,
    monthlyImpact: impact(delta, unitPrice),
  };
}

// Money per month, to the cent; 0 for an unpriced row (stored for sorting; views show it as unknown).
function impact(delta: number, unitPrice: number | null): number {
  return unitPrice === null ? 0 : Math.round(delta * unitPrice * 100) / 100;
}
