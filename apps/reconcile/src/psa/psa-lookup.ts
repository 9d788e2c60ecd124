import type { PsaAdditionDoc, PsaAgreementDoc, PsaCompanyDoc } from './psa-records.schemas';

// The billing facts of a line the lookup keeps (active lines only: a cancelled line bills nothing).
export type PsaLine = Pick<
  PsaAdditionDoc,
  '_id' | 'externalId' | 'agreementId' | 'companyId' | 'productId' | 'quantity' | 'unitPrice' | 'cancelled'
>;

// PSA ids are mostly numbers: order them as numbers when both are, else as text.
export function byExternalId(a: { externalId: string } | undefined, b: { externalId: string } | undefined): number {
  const x = a?.externalId ?? '';
  const y = b?.externalId ?? '';
  const nx = Number(x);
  const ny = Number(y);
  return Number.isFinite(nx) && Number.isFinite(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
}

function grouped<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function present<T>(ids: readonly string[], byId: ReadonlyMap<string, T>): T[] {
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item === undefined ? [] : [item];
  });
}

// The synced PSA data that reconciling an account asks about (companies by exact name; a company's agreements
// and active lines; which agreements bill anything; a connection's currency), indexed in memory. Built from one
// read of each collection: per account, FerretDB 1.24 would otherwise scan the whole MSP's PSA data several times.
export class PsaLookup {
  private readonly companiesByName: Map<string, PsaCompanyDoc[]>;
  private readonly agreementsByCompany: Map<string, PsaAgreementDoc[]>;
  private readonly linesByCompany: Map<string, PsaLine[]>;
  private readonly billingAgreements: Set<string>;
  private readonly currencies = new Map<string, string>();
  // Built on first use: only the list views ask for records by id.
  private companiesById: Map<string, PsaCompanyDoc> | null = null;
  private agreementsById: Map<string, PsaAgreementDoc> | null = null;

  constructor(
    private readonly companies: readonly PsaCompanyDoc[],
    private readonly agreements: readonly PsaAgreementDoc[],
    private readonly lines: readonly PsaLine[],
  ) {
    this.companiesByName = grouped(companies, (c) => c.nameKey);
    const sorted = agreements.map((a) => ({ ...a, currency: a.currency ?? null })).sort(byExternalId);
    this.agreementsByCompany = grouped(
      sorted.filter((a) => !a.cancelled),
      (a) => a.companyId,
    );
    const active = lines.filter((l) => !l.cancelled);
    this.linesByCompany = grouped(active, (l) => l.companyId);
    this.billingAgreements = new Set(active.map((l) => l.agreementId));
    // The first agreement (in stored order) that names a currency, as the query this replaces found it.
    for (const a of agreements) {
      if (typeof a.currency === 'string' && !this.currencies.has(a.connectionId)) {
        this.currencies.set(a.connectionId, a.currency);
      }
    }
  }

  companiesByNameKey(nameKey: string): PsaCompanyDoc[] {
    return this.companiesByName.get(nameKey) ?? [];
  }

  // A company's active agreements, by PSA id.
  activeAgreements(companyId: string): PsaAgreementDoc[] {
    return this.agreementsByCompany.get(companyId) ?? [];
  }

  // A company's active lines on a product.
  activeLines(companyId: string, productId: string): PsaLine[] {
    return (this.linesByCompany.get(companyId) ?? []).filter((l) => l.productId === productId);
  }

  // The agreements of these that have at least one active line.
  billingAgreementIds(agreementIds: readonly string[]): Set<string> {
    return new Set(agreementIds.filter((id) => this.billingAgreements.has(id)));
  }

  // The companies of these ids that exist (a list page's names, read once per page from memory: on FerretDB 1.24 an
  // `$in` query reads the whole collection, about half a second per page at 10,000 companies).
  companiesWithIds(ids: readonly string[]): PsaCompanyDoc[] {
    this.companiesById ??= new Map(this.companies.map((c) => [c._id, c]));
    return present(ids, this.companiesById);
  }

  agreementsWithIds(ids: readonly string[]): PsaAgreementDoc[] {
    this.agreementsById ??= new Map(this.agreements.map((a) => [a._id, a]));
    return present(ids, this.agreementsById);
  }

  connectionCurrency(connectionId: string): string | null {
    return this.currencies.get(connectionId) ?? null;
  }

  // The same data with one line written (created or changed), as a push records it.
  withLine(line: PsaLine): PsaLookup {
    return new PsaLookup(this.companies, this.agreements, [...this.lines.filter((l) => l._id !== line._id), line]);
  }
}
