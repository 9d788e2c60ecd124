import { Injectable } from '@nestjs/common';
import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import {
  DUO_SKUS,
  type DuoSku,
  SKU_OF_EDITION,
  type ServiceMappingView,
} from '@seatwise/shared/contracts/reconcile-views';
import { type ServiceMappingDoc, ServiceMappingRepository } from '../mapping-store/service-mapping.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';

const EDITIONS_OF = (sku: DuoSku): DuoEdition[] =>
  (Object.entries(SKU_OF_EDITION) as [DuoEdition, DuoSku][]).filter(([, s]) => s === sku).map(([e]) => e);

// Every Duo SKU with its mapping (a SKU without a stored mapping is unmapped) and the mapped product's name.
@Injectable()
export class ServiceMappingsQuery {
  constructor(
    private readonly mappings: ServiceMappingRepository,
    private readonly psa: PsaDataRepository,
  ) {}

  async list(): Promise<ServiceMappingView[]> {
    const docs = new Map((await this.mappings.all()).map((d) => [d._id, d]));
    const products = await this.productNames([...docs.values()].flatMap((d) => (d.productId ? [d.productId] : [])));
    return DUO_SKUS.map((sku) => view(sku, docs.get(sku) ?? null, products));
  }

  async viewOf(sku: DuoSku): Promise<ServiceMappingView> {
    const doc = await this.mappings.findById(sku);
    return view(sku, doc, await this.productNames(doc?.productId ? [doc.productId] : []));
  }

  private async productNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.psa.productsByIds(ids)).map((p) => [p._id, p.name]));
  }
}

function view(sku: DuoSku, doc: ServiceMappingDoc | null, products: Map<string, string>): ServiceMappingView {
  return {
    sku,
    editions: EDITIONS_OF(sku),
    state: doc?.state ?? 'unmapped',
    productId: doc?.productId ?? null,
    productName: doc?.productId ? (products.get(doc.productId) ?? null) : null,
    connectionId: doc?.connectionId ?? null,
    revision: doc?.revision ?? 0,
    updatedAt: doc ? new Date(doc.updatedAt).toISOString() : null,
  };
}
