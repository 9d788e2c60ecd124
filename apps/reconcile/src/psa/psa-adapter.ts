// What reconciliation needs from a PSA, whatever the PSA. Ids are the PSA's own, as strings.

export interface PsaCompanyRecord {
  externalId: string;
  identifier: string | null;
  name: string;
  lastUpdated: string | null;
}

export interface PsaProductRecord {
  externalId: string;
  identifier: string | null;
  name: string;
  lastUpdated: string | null;
}

export interface PsaAgreementRecord {
  externalId: string;
  companyExternalId: string;
  name: string;
  cancelled: boolean;
  lastUpdated: string | null;
}

export interface PsaAdditionRecord {
  externalId: string;
  agreementExternalId: string;
  productExternalId: string;
  quantity: number;
  cancelled: boolean;
  lastUpdated: string | null;
}

export interface QuantityChange {
  companyExternalId: string;
  productExternalId: string;
  // What the company's active lines of the product must add up to.
  quantity: number;
  effectiveDate: string | null;
}

export interface QuantityResult {
  agreementExternalId: string;
  addition: PsaAdditionRecord;
  previousQuantity: number;
  // Sum of every active line of the product on the company's active agreements, as read back.
  total: number;
}

// `since` (ISO time, the PSA's own clock) asks for records changed at or after it; null asks for all.
export interface PsaAdapter {
  // Resolves when the credentials work; rejects with the PSA's status and message when not.
  verify(): Promise<void>;
  companies(since: string | null): Promise<PsaCompanyRecord[]>;
  products(since: string | null): Promise<PsaProductRecord[]>;
  agreements(since: string | null): Promise<PsaAgreementRecord[]>;
  additions(agreementExternalId: string, since: string | null): Promise<PsaAdditionRecord[]>;
  // Sets the first active line so the lines add up to `quantity`, reads it back and verifies it.
  setQuantity(change: QuantityChange): Promise<QuantityResult>;
}
