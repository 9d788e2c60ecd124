import { Injectable } from '@nestjs/common';
import type { Page } from '@seatwise/shared/contracts/page';
import type { DuoSku, PsaCompanyView, PsaProductView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { ClaimsRepository, companyClaim, productClaim } from '../mapping-store/claims.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { PsaCompanyDoc, PsaProductDoc } from '../psa/psa-records.schemas';

// Synced PSA companies and products, each with what it is mapped to (its claim's owner).
@Injectable()
export class PsaCatalogQuery {
  constructor(
    private readonly psa: PsaDataRepository,
    private readonly claims: ClaimsRepository,
  ) {}

  async companies(request: RpcInput<'reconcile.psa.companies.list'>): Promise<Page<PsaCompanyView>> {
    const page = await this.psa.companiesPage(request);
    return this.withOwners(page, companyClaim, (doc, owner) => ({ ...catalogView(doc), mappedAccountId: owner }));
  }

  async products(request: RpcInput<'reconcile.psa.products.list'>): Promise<Page<PsaProductView>> {
    const page = await this.psa.productsPage(request);
    // Product claims are owned by SKUs.
    return this.withOwners(page, productClaim, (doc, owner) => ({
      ...catalogView(doc),
      unitPrice: doc.unitPrice ?? null,
      mappedSku: owner as DuoSku | null,
    }));
  }

  private async withOwners<D extends { _id: string }, V>(
    page: Page<D>,
    claimOf: (id: string) => string,
    view: (doc: D, owner: string | null) => V,
  ): Promise<Page<V>> {
    const owners = await this.claims.owners(page.items.map((d) => claimOf(d._id)));
    return { items: page.items.map((d) => view(d, owners.get(claimOf(d._id)) ?? null)), nextCursor: page.nextCursor };
  }
}

function catalogView(doc: PsaCompanyDoc | PsaProductDoc) {
  return {
    id: doc._id,
    connectionId: doc.connectionId,
    externalId: doc.externalId,
    identifier: doc.identifier,
    name: doc.name,
  };
}
