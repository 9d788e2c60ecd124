import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import type { Page } from '@seatwise/shared/contracts/page';
import { type AccountMappingView, SKU_OF_EDITION } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { type AccountMappingDoc, AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { ClaimsRepository, companyClaim } from '../mapping-store/claims.repository';
import { rankCandidates, type Candidate } from '../names/name-similarity';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { VendorAccountRepository, type VendorAccountDoc } from '../vendor-accounts/vendor-account.repository';
import { accountNotFound } from './mapping-errors';

// Duo accounts with their mapping, the mapped company's name, and, while unmapped, the unclaimed PSA companies
// ranked by name similarity (suggestions a person accepts by mapping).
@Injectable()
export class AccountMappingsQuery {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly vendors: VendorAccountRepository,
    private readonly psa: PsaDataRepository,
    private readonly claims: ClaimsRepository,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  async list(request: RpcInput<'reconcile.mappings.accounts.list'>): Promise<Page<AccountMappingView>> {
    const page = await this.mappings.page(request, (doc) => doc);
    const vendors = new Map((await this.vendors.byIds(page.items.map((d) => d._id))).map((v) => [v._id, v]));
    const companies = await this.companyNames(page.items.flatMap((d) => (d.psaCompanyId ? [d.psaCompanyId] : [])));
    const candidates = page.items.some((d) => d.state === 'unmapped') ? await this.unclaimedCompanies() : [];
    // A mapping is created with its account's first snapshot; one without a snapshot is not listed.
    const items = page.items.flatMap((doc) => {
      const vendor = vendors.get(doc._id);
      return vendor ? [this.view(doc, vendor, companies, candidates)] : [];
    });
    return { items, nextCursor: page.nextCursor };
  }

  async viewOf(accountId: string): Promise<AccountMappingView> {
    const doc = await this.mappings.get({ accountId });
    const vendor = await this.vendors.get({ accountId });
    if (!doc || !vendor) throw accountNotFound(accountId);
    const companies = await this.companyNames(doc.psaCompanyId ? [doc.psaCompanyId] : []);
    return this.view(doc, vendor, companies, doc.state === 'unmapped' ? await this.unclaimedCompanies() : []);
  }

  private view(
    doc: AccountMappingDoc,
    vendor: VendorAccountDoc,
    companies: Map<string, string>,
    candidates: Candidate[],
  ): AccountMappingView {
    const suggestions =
      doc.state === 'unmapped' ? rankCandidates(vendor.name, candidates, this.env.RECONCILE_SUGGESTIONS) : [];
    return {
      accountId: doc._id,
      accountName: vendor.name,
      edition: vendor.edition,
      sku: vendor.edition ? SKU_OF_EDITION[vendor.edition] : null,
      billableSeats: vendor.billableSeats,
      state: doc.state,
      psaCompanyId: doc.psaCompanyId,
      psaCompanyName: doc.psaCompanyId ? (companies.get(doc.psaCompanyId) ?? null) : null,
      source: doc.source,
      agreementId: doc.agreementId,
      suggestions: suggestions.map((c) => ({ psaCompanyId: c.id, name: c.name, score: c.score })),
      revision: doc.revision,
      updatedAt: new Date(doc.updatedAt).toISOString(),
    };
  }

  private async companyNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.psa.companiesByIds(ids)).map((c) => [c._id, c.name]));
  }

  private async unclaimedCompanies(): Promise<Candidate[]> {
    const claimed = await this.claims.claimedKeys('company:');
    const companies = await this.psa.companyNames();
    return companies.filter((c) => !claimed.has(companyClaim(c._id))).map((c) => ({ id: c._id, name: c.name }));
  }
}
