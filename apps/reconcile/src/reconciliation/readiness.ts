import { Injectable } from '@nestjs/common';
import { AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { ServiceMappingRepository } from '../mapping-store/service-mapping.repository';

export interface Readiness {
  ready: boolean;
  accountsMapped: number;
  servicesMapped: number;
}

// Gradient's rule: nothing is reconciled before one account and one service are mapped.
@Injectable()
export class ReconcileReadiness {
  constructor(
    private readonly accountMappings: AccountMappingRepository,
    private readonly serviceMappings: ServiceMappingRepository,
  ) {}

  async check(): Promise<Readiness> {
    const [accountsMapped, servicesMapped] = await Promise.all([
      this.accountMappings.countMapped(),
      this.serviceMappings.countMapped(),
    ]);
    return { ready: accountsMapped > 0 && servicesMapped > 0, accountsMapped, servicesMapped };
  }

  // The same rule without the counts, for every recompute: the first mapped document of each kind settles it.
  async isReady(): Promise<boolean> {
    const [accounts, services] = await Promise.all([
      this.accountMappings.anyMapped(),
      this.serviceMappings.anyMapped(),
    ]);
    return accounts && services;
  }
}
