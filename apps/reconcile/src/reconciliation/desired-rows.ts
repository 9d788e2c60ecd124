import { Injectable } from '@nestjs/common';
import { SKU_OF_EDITION, UNKNOWN_SKU } from '@seatwise/shared/contracts/reconcile-views';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { type ServiceMappingDoc, ServiceMappingRepository } from '../mapping-store/service-mapping.repository';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { PsaCompanyDoc } from '../psa/psa-records.schemas';
import type { VendorAccountDoc } from '../vendor-accounts/vendor-account.repository';
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
  | 'vendorQuantity'
  | 'psaQuantity'
  | 'delta'
  | 'type'
>;

type RowBase = Pick<ComputedRow, 'accountId' | 'accountName'>;

// What an account's rows should be (mapped account × service), from its vendor snapshot, the mappings and the
// synced PSA lines. Rows that exist but are no longer backed by a mapping stay, as unmapped.
@Injectable()
export class DesiredRows {
  constructor(
    private readonly accountMappings: AccountMappingRepository,
    private readonly serviceMappings: ServiceMappingRepository,
    private readonly psa: PsaDataRepository,
    private readonly connections: PsaConnectionRepository,
  ) {}

  async of(vendor: VendorAccountDoc, existing: Map<string, RowDoc>): Promise<ComputedRow[]> {
    const sku = vendor.edition ? SKU_OF_EDITION[vendor.edition] : UNKNOWN_SKU;
    const mapping = await this.accountMappings.get({ accountId: vendor._id });
    const company =
      mapping?.state === 'mapped' && mapping.psaCompanyId ? await this.psa.company(mapping.psaCompanyId) : null;
    const base = { accountId: vendor._id, accountName: vendor.name };
    const unmapped = (rowSku: string): ComputedRow => {
      const vendorQuantity = rowSku === sku ? vendor.billableSeats : 0;
      return {
        ...base,
        _id: rowId(vendor._id, rowSku),
        psaCompanyId: company?._id ?? null,
        connectionId: null,
        connectionKind: null,
        sku: rowSku,
        productId: null,
        vendorQuantity,
        psaQuantity: 0,
        delta: vendorQuantity,
        type: 'unmapped',
      };
    };
    if (!company) return [...existing.values()].map((r) => unmapped(r.sku));
    const kind = (await this.connections.findById(company.connectionId))?.kind ?? null;
    const services = new Map((await this.serviceMappings.all()).map((s) => [s._id as string, s]));
    const out = new Map<string, ComputedRow>();
    const own = services.get(sku);
    const ownBilled = await this.billed(company, own);
    out.set(
      rowId(vendor._id, sku),
      ownBilled === null || !own ? unmapped(sku) : row(base, company, kind, own, vendor.billableSeats, ownBilled),
    );
    for (const [otherSku, service] of services) {
      if (otherSku === sku) continue;
      const billed = await this.billed(company, service);
      const id = rowId(vendor._id, otherSku);
      if (billed !== null && (billed > 0 || existing.has(id))) {
        out.set(id, row(base, company, kind, service, 0, billed));
      }
    }
    for (const [id, existingRow] of existing) if (!out.has(id)) out.set(id, unmapped(existingRow.sku));
    return [...out.values()];
  }

  // null when the SKU is not mapped to a product of the company's PSA (or the product is gone).
  private async billed(company: PsaCompanyDoc, service: ServiceMappingDoc | undefined): Promise<number | null> {
    if (service?.state !== 'mapped' || !service.productId || service.connectionId !== company.connectionId) return null;
    if (!(await this.psa.product(service.productId))) return null;
    return this.psa.billedQuantity(company._id, service.productId);
  }
}

function row(
  base: RowBase,
  company: PsaCompanyDoc,
  kind: RowDoc['connectionKind'],
  service: ServiceMappingDoc,
  vendorQuantity: number,
  psaQuantity: number,
): ComputedRow {
  return {
    ...base,
    _id: rowId(base.accountId, service._id),
    psaCompanyId: company._id,
    connectionId: company.connectionId,
    connectionKind: kind,
    sku: service._id,
    productId: service.productId,
    vendorQuantity,
    psaQuantity,
    delta: vendorQuantity - psaQuantity,
    type: classify(vendorQuantity, psaQuantity),
  };
}
