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
  // The catalog's unit price (per seat per month), when the PSA has one.
  unitPrice: number | null;
  lastUpdated: string | null;
}

export interface PsaAgreementRecord {
  externalId: string;
  companyExternalId: string;
  name: string;
  cancelled: boolean;
  // ISO 4217 code the agreement bills in, when the PSA says.
  currency: string | null;
  lastUpdated: string | null;
}

export interface PsaAdditionRecord {
  externalId: string;
  agreementExternalId: string;
  productExternalId: string;
  quantity: number;
  // This line's price per unit, when it has its own.
  unitPrice: number | null;
  cancelled: boolean;
  lastUpdated: string | null;
}

export interface QuantityChange {
  companyExternalId: string;
  productExternalId: string;
  // What the company's active lines of the product must add up to.
  quantity: number;
  // ISO date-time; null = today (the PSA's default).
  effectiveDate: string | null;
  // The company's agreement to add the product to when it has no active line of it (new revenue). Null: such a
  // change fails with RECONCILE.PSA_ADDITION_NOT_FOUND. An agreement of another company, or a cancelled one, fails
  // with RECONCILE.PSA_REQUEST_INVALID and nothing is written.
  agreementExternalId: string | null;
}

export interface QuantityResult {
  agreementExternalId: string;
  addition: PsaAdditionRecord;
  previousQuantity: number;
  // Sum of every active line of the product on the company's active agreements, as read back.
  total: number;
  // Whether the line was created by this change (new revenue).
  created: boolean;
}

// A PSA's request budget as the adapter sees it (Autotask: requests per hour per database, threads per endpoint).
export interface PsaUsage {
  requestsThisHour: number;
  hourlyLimit: number | null;
  // Requests in flight now, and the most the adapter runs at once.
  inFlight: number;
  maxInFlight: number;
}

// `since` (ISO time, the PSA's own clock) asks for records changed at or after it; null asks for all.
export interface PsaAdapter {
  // Resolves when the credentials work; rejects with the PSA's status and message when not.
  verify(): Promise<void>;
  companies(since: string | null): Promise<PsaCompanyRecord[]>;
  products(since: string | null): Promise<PsaProductRecord[]>;
  agreements(since: string | null): Promise<PsaAgreementRecord[]>;
  additions(agreementExternalId: string, since: string | null): Promise<PsaAdditionRecord[]>;
  // Sets the first active line so the lines add up to `quantity` (creating the line on `agreementExternalId` when
  // there is none), reads it back and verifies it. Safe to call again after any failure: a create is only sent
  // when a fresh read finds no line, so a retried change never creates a second line.
  setQuantity(change: QuantityChange): Promise<QuantityResult>;
  // The budget, for PSAs that publish one (shown on the connection); absent = no published budget.
  usage?(): PsaUsage;
}
