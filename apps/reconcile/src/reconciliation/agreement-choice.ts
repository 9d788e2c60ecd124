import { Injectable } from '@nestjs/common';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { AgreementIssue } from './row.repository';

export interface NewLineHome {
  agreementId: string | null;
  issue: AgreementIssue | null;
  currency: string | null;
}

// Where a product a company is not billed for goes (new revenue): the agreement a person chose in the account's
// mapping if it is still active; else the company's one agreement that already bills other products; else its only
// active agreement. More than one candidate, or none, is for a person to settle: the row says which.
@Injectable()
export class AgreementChoice {
  constructor(private readonly psa: PsaDataRepository) {}

  async forNewLine(companyId: string, chosen: string | null): Promise<NewLineHome> {
    const active = await this.psa.activeAgreements(companyId);
    const pick = (id: string): NewLineHome => ({
      agreementId: id,
      issue: null,
      currency: active.find((a) => a._id === id)?.currency ?? null,
    });
    if (chosen !== null && active.some((a) => a._id === chosen)) return pick(chosen);
    if (active.length === 0) return { agreementId: null, issue: 'no_active_agreement', currency: null };
    const billing = await this.psa.billingAgreementIds(active.map((a) => a._id));
    const [only, ...others] = billing.size > 0 ? [...billing] : active.map((a) => a._id);
    if (only !== undefined && others.length === 0) return pick(only);
    return { agreementId: null, issue: 'ambiguous', currency: active[0]?.currency ?? null };
  }

  // The currency a connection's agreements bill in (the first that says), for rows not yet on an agreement.
  currencyOf(connectionId: string): Promise<string | null> {
    return this.psa.connectionCurrency(connectionId);
  }
}
