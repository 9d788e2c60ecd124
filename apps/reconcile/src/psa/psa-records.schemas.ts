import { Schema } from 'mongoose';

// Local copies of PSA records, per connection. `_id` = connection + PSA id (psaRecordId); `seenRun` = the last
// full sync or import that saw the record, so records the PSA no longer has can be removed after it.

// Our id of a PSA record: the connection plus the PSA's own id, so two PSAs never collide.
export function psaRecordId(connectionId: string, externalId: string): string {
  return `${connectionId}-${externalId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export interface PsaCompanyDoc {
  _id: string;
  connectionId: string;
  externalId: string;
  identifier: string | null;
  name: string;
  // Trimmed, case-folded name: the only key automatic mapping uses.
  nameKey: string;
  seenRun: string;
}

export interface PsaProductDoc {
  _id: string;
  connectionId: string;
  externalId: string;
  identifier: string | null;
  name: string;
  // The catalog price per unit (month), when the PSA has one.
  unitPrice: number | null;
  seenRun: string;
}

export interface PsaAgreementDoc {
  _id: string;
  connectionId: string;
  externalId: string;
  companyId: string;
  name: string;
  cancelled: boolean;
  // ISO 4217, when the PSA says.
  currency: string | null;
  seenRun: string;
}

export interface PsaAdditionDoc {
  _id: string;
  connectionId: string;
  externalId: string;
  agreementId: string;
  companyId: string;
  productId: string;
  quantity: number;
  unitPrice: number | null;
  cancelled: boolean;
  seenRun: string;
}

const base = { _id: String, connectionId: String, externalId: String, seenRun: String };

export const companySchema = new Schema<PsaCompanyDoc>(
  { ...base, identifier: { type: String, default: null }, name: String, nameKey: String },
  { versionKey: false },
);
companySchema.index({ connectionId: 1, _id: 1 });
companySchema.index({ nameKey: 1 });

export const productSchema = new Schema<PsaProductDoc>(
  { ...base, identifier: { type: String, default: null }, name: String, unitPrice: { type: Number, default: null } },
  { versionKey: false },
);
productSchema.index({ connectionId: 1, _id: 1 });

export const agreementSchema = new Schema<PsaAgreementDoc>(
  { ...base, companyId: String, name: String, cancelled: Boolean, currency: { type: String, default: null } },
  { versionKey: false },
);
agreementSchema.index({ companyId: 1 });
agreementSchema.index({ connectionId: 1, cancelled: 1 });

export const additionSchema = new Schema<PsaAdditionDoc>(
  {
    ...base,
    agreementId: String,
    companyId: String,
    productId: String,
    quantity: Number,
    unitPrice: { type: Number, default: null },
    cancelled: Boolean,
  },
  { versionKey: false },
);
additionSchema.index({ companyId: 1, productId: 1 });
additionSchema.index({ connectionId: 1 });
