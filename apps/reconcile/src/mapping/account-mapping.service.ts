import { Injectable } from '@nestjs/common';
import { AppError } from '@seatwise/shared/errors/app-error';
import { type AccountMappingDoc, AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { ClaimsRepository, companyClaim } from '../mapping-store/claims.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { AccountMappingWriter, type MappingChange } from './account-mapping-writer';
import { accountNotFound, alreadyMapped, claimTarget } from './mapping-errors';

// A person's decisions about a Duo account → PSA company mapping. Each one clears autoEligible: an account a
// person decided about is never auto-mapped again.
@Injectable()
export class AccountMappingService {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly claims: ClaimsRepository,
    private readonly psa: PsaDataRepository,
    private readonly writer: AccountMappingWriter,
  ) {}

  async map(change: MappingChange & { psaCompanyId: string }): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (!(await this.psa.company(change.psaCompanyId))) {
      throw new AppError('RECONCILE.PSA_COMPANY_NOT_FOUND', `No PSA company ${change.psaCompanyId}`);
    }
    if (current.state === 'mapped') {
      throw alreadyMapped(`Account ${change.accountId}`, current.psaCompanyId, change.psaCompanyId);
    }
    await claimTarget(
      this.claims,
      companyClaim(change.psaCompanyId),
      change.accountId,
      `PSA company ${change.psaCompanyId}`,
      'account',
    );
    const target = {
      state: 'mapped' as const,
      psaCompanyId: change.psaCompanyId,
      source: 'manual' as const,
      autoEligible: false,
    };
    return this.writer.apply(current, target, change, 'mapping.account.map');
  }

  async unmap(change: MappingChange): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (current.state === 'unmapped') {
      throw new AppError('RECONCILE.MAPPING_INVALID_STATE', `Account ${change.accountId} is not mapped or excluded`);
    }
    const target = { state: 'unmapped' as const, psaCompanyId: null, source: 'manual' as const, autoEligible: false };
    return this.writer.apply(current, target, change, 'mapping.account.unmap');
  }

  async exclude(change: MappingChange): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (current.state === 'excluded') {
      throw new AppError('RECONCILE.MAPPING_INVALID_STATE', `Account ${change.accountId} is already excluded`);
    }
    const target = { state: 'excluded' as const, psaCompanyId: null, source: 'manual' as const, autoEligible: false };
    return this.writer.apply(current, target, change, 'mapping.account.exclude');
  }

  // Chooses the mapped company's agreement that new lines (new revenue) go on; null returns to the default rule.
  async chooseAgreement(change: MappingChange & { agreementId: string | null }): Promise<AccountMappingDoc> {
    const current = await this.current(change.accountId);
    if (current.state !== 'mapped' || !current.psaCompanyId) {
      throw new AppError(
        'RECONCILE.MAPPING_INVALID_STATE',
        `Account ${change.accountId} is not mapped to a PSA company`,
      );
    }
    if (change.agreementId !== null) {
      const agreement = await this.psa.agreement(change.agreementId);
      if (!agreement || agreement.companyId !== current.psaCompanyId || agreement.cancelled) {
        throw new AppError(
          'RECONCILE.PSA_AGREEMENT_INVALID',
          `${change.agreementId} is not an active agreement of ${current.psaCompanyId}, the company account ${change.accountId} is mapped to`,
          [{ path: 'agreementId', message: 'must be an active agreement of the mapped company' }],
        );
      }
    }
    const target = {
      state: current.state,
      psaCompanyId: current.psaCompanyId,
      source: current.source,
      autoEligible: current.autoEligible,
      agreementId: change.agreementId,
    };
    return this.writer.apply(current, target, change, 'mapping.account.agreement');
  }

  // Unmaps (by the system) accounts mapped to companies of a PSA connection that is going away; they stay
  // eligible for automatic mapping, since no person decided.
  async releaseConnection(connectionId: string, actor: string): Promise<void> {
    const target = { state: 'unmapped' as const, psaCompanyId: null, source: 'manual' as const, autoEligible: true };
    for (const mapping of await this.mappings.byState('mapped')) {
      if (!mapping.psaCompanyId?.startsWith(`${connectionId}-`)) continue;
      const change = { accountId: mapping._id, actor, note: `PSA connection ${connectionId} deleted` };
      await this.writer.apply(mapping, target, change, 'mapping.account.unmap').catch(() => undefined); // changed concurrently: that decision stands
    }
  }

  private async current(accountId: string): Promise<AccountMappingDoc> {
    const doc = await this.mappings.get({ accountId });
    if (!doc) throw accountNotFound(accountId);
    return doc;
  }
}
