import { Injectable } from '@nestjs/common';
import type { ReconciliationRowView, RowUsageView } from '@seatwise/shared/contracts/reconcile-views';
import { type AccountUsageDoc, AccountUsageRepository } from '../account-usage/account-usage.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { type RowNames, toRowView } from './row-views';
import type { RowDoc } from './row.repository';

// Rows as the API shows them, with the names of their PSA company and product read from the synced PSA data and
// the account's usage from discovery: one read per collection for a whole page, never one per row.
@Injectable()
export class RowViewer {
  constructor(
    private readonly psa: PsaDataRepository,
    private readonly usage: AccountUsageRepository,
  ) {}

  async views(docs: readonly RowDoc[]): Promise<ReconciliationRowView[]> {
    const names = await this.namesOf(docs);
    return docs.map((doc) => toRowView(doc, names(doc)));
  }

  async view(doc: RowDoc): Promise<ReconciliationRowView> {
    const names = await this.namesOf([doc]);
    return toRowView(doc, names(doc));
  }

  private async namesOf(docs: readonly RowDoc[]): Promise<(doc: RowDoc) => RowNames> {
    const [companies, products, agreements, usages] = await Promise.all([
      this.psa.companiesByIds(distinct(docs.map((d) => d.psaCompanyId))),
      this.psa.productsByIds(distinct(docs.map((d) => d.productId))),
      this.psa.agreementsByIds(distinct(docs.map((d) => d.agreementId))),
      this.usage.byAccountIds(distinct(docs.map((d) => d.accountId))),
    ]);
    const usageOf = new Map(usages.map((u) => [u._id, toUsageView(u)]));
    const companyNames = new Map(companies.map((c) => [c._id, c.name]));
    const productNames = new Map(products.map((p) => [p._id, p.name]));
    const agreementNames = new Map(agreements.map((a) => [a._id, a.name]));
    return (doc) => ({
      psaCompanyName: nameOf(companyNames, doc.psaCompanyId),
      productName: nameOf(productNames, doc.productId),
      agreementName: nameOf(agreementNames, doc.agreementId),
      usage: usageOf.get(doc.accountId) ?? null,
    });
  }
}

function distinct(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

// null without an id, or when the record is gone from the PSA since the row was computed.
function nameOf(names: ReadonlyMap<string, string>, id: string | null): string | null {
  return id === null ? null : (names.get(id) ?? null);
}

function toUsageView(doc: AccountUsageDoc): RowUsageView {
  const { billableUsers, activeUsers30d, reclaimable, unusedAfterDays } = doc;
  return { billableUsers, activeUsers30d, reclaimable, unusedAfterDays, at: new Date(doc.at).toISOString() };
}
