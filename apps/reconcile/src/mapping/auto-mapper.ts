import { Injectable } from '@nestjs/common';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { ClaimsRepository, companyClaim } from '../mapping-store/claims.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { VendorAccountRepository } from '../vendor-accounts/vendor-account.repository';
import { AccountMappingWriter } from './account-mapping-writer';

// Automatic mapping, only on an exact name (trimmed, case-folded) that exactly one PSA company and exactly one Duo
// account carry: guessing wrong is worse than not guessing, so everything else is left to a person.
@Injectable()
export class AutoMapper {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly vendors: VendorAccountRepository,
    private readonly psa: PsaDataRepository,
    private readonly claims: ClaimsRepository,
    private readonly writer: AccountMappingWriter,
  ) {}

  // Maps the account if its exact name is unambiguous; returns whether it did.
  async autoMap(scope: { accountId: string }): Promise<boolean> {
    const mapping = await this.mappings.get(scope);
    const vendor = await this.vendors.get(scope);
    if (mapping?.state !== 'unmapped' || !mapping.autoEligible || !vendor) return false;
    const companies = await this.psa.companiesByNameKey(vendor.nameKey);
    const company = companies[0];
    if (companies.length !== 1 || !company || (await this.vendors.countByNameKey(vendor.nameKey)) !== 1) return false;
    if (!(await this.claims.claim(companyClaim(company._id), scope.accountId))) return false;
    const target = { state: 'mapped' as const, psaCompanyId: company._id, source: 'auto' as const, autoEligible: true };
    const change = { accountId: scope.accountId, actor: 'system', note: 'exact name match' };
    await this.writer.apply(mapping, target, change, 'mapping.account.auto').catch(() => undefined); // a person decided meanwhile; apply released the claim
    return true;
  }

  async autoMapAll(): Promise<void> {
    for (const mapping of await this.mappings.byState('unmapped')) {
      if (mapping.autoEligible) await this.autoMap({ accountId: mapping._id });
    }
  }
}
