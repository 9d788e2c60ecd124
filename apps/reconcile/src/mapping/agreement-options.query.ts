import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { agreementOptionSchema } from '@seatwise/shared/contracts/reconcile-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { accountNotFound } from './mapping-errors';

type AgreementOption = z.infer<typeof agreementOptionSchema>;

// The agreements a mapped account's new lines could go on, for a person to choose from.
@Injectable()
export class AgreementOptionsQuery {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly psa: PsaDataRepository,
  ) {}

  async of(scope: { accountId: string }): Promise<{ items: AgreementOption[] }> {
    const mapping = await this.mappings.get(scope);
    if (!mapping) throw accountNotFound(scope.accountId);
    if (mapping.state !== 'mapped' || !mapping.psaCompanyId) {
      throw new AppError(
        'RECONCILE.MAPPING_INVALID_STATE',
        `Account ${scope.accountId} is not mapped to a PSA company`,
      );
    }
    const active = await this.psa.activeAgreements(mapping.psaCompanyId);
    const billing = await this.psa.billingAgreementIds(active.map((a) => a._id));
    return {
      items: active.map((a) => ({
        id: a._id,
        externalId: a.externalId,
        name: a.name,
        currency: a.currency,
        billing: billing.has(a._id),
        chosen: a._id === mapping.agreementId,
      })),
    };
  }
}
