import type { PsaImportInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import { exactKey } from '@seatwise/shared/text/exact-key';
import {
  type PsaAdditionDoc,
  type PsaAgreementDoc,
  type PsaCompanyDoc,
  type PsaProductDoc,
  psaRecordId,
} from '../psa/psa-records.schemas';

type AgreementLine = PsaImportInput['agreementLines'][number];
type CatalogEntry = PsaImportInput['products'][number];

export interface ImportedRecords {
  companies: PsaCompanyDoc[];
  products: PsaProductDoc[];
  agreements: PsaAgreementDoc[];
  additions: PsaAdditionDoc[];
}

// An import as PSA records of connection `c`, seen by run `runId`. Lines without an agreement id share one
// agreement per company; each line is one addition.
export function importedRecords(c: string, runId: string, input: PsaImportInput): ImportedRecords {
  const id = (ext: string) => psaRecordId(c, ext);
  const agreementOf = (line: AgreementLine) => line.agreementId ?? `company-${line.companyId}`;
  const agreements = new Map(input.agreementLines.map((l) => [agreementOf(l), l]));
  const catalog = (r: CatalogEntry) => {
    return {
      _id: id(r.id),
      connectionId: c,
      externalId: r.id,
      identifier: r.identifier ?? null,
      name: r.name,
      seenRun: runId,
    };
  };
  return {
    companies: input.companies.map((r) => ({ ...catalog(r), nameKey: exactKey(r.name) })),
    products: input.products.map((r): PsaProductDoc => ({ ...catalog(r), unitPrice: r.unitPrice ?? null })),
    agreements: [...agreements].map(([ext, l]) => ({
      _id: id(`agreement-${ext}`),
      connectionId: c,
      externalId: ext,
      companyId: id(l.companyId),
      name: l.agreementName ?? 'Imported agreement',
      cancelled: false,
      currency: input.currency ?? null,
      seenRun: runId,
    })),
    additions: input.agreementLines.map((l, i) => ({
      _id: id(`line-${i}`),
      connectionId: c,
      externalId: `line-${i}`,
      agreementId: id(`agreement-${agreementOf(l)}`),
      companyId: id(l.companyId),
      productId: id(l.productId),
      quantity: l.quantity,
      unitPrice: l.unitPrice ?? null,
      cancelled: l.cancelled ?? false,
      seenRun: runId,
    })),
  };
}
