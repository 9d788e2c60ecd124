import { Injectable } from '@nestjs/common';
import { psaRecordId } from '../db/ids';
import { exactKey } from '../mapping/name-similarity';
import type { PsaAdapter } from '../psa/psa-adapter';
import type { PsaConnectionDoc, Watermarks } from '../psa/psa-connection.repository';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { PsaAdditionDoc } from '../psa/psa-records.schemas';
import type { RunCounts } from './sync-run.repository';

const ALL = ['companies', 'products', 'agreements', 'additions'] as const;

// Copies a ConnectWise PSA into the local store. Quick: records changed since the last watermark (the PSA's
// lastUpdated, so clocks never disagree); additions of every active agreement are asked for their changes, and a
// newly seen agreement's in full. Full: everything, and what the PSA no longer has is removed. Only additions of
// active agreements are kept (Gradient also syncs only services on active contracts).
@Injectable()
export class PsaSync {
  constructor(private readonly data: PsaDataRepository, private readonly connections: PsaConnectionRepository) {}

  async run(connection: PsaConnectionDoc, adapter: PsaAdapter, runId: string, full: boolean): Promise<RunCounts> {
    const since: Watermarks = full ? { companies: null, products: null, agreements: null, additions: null } : connection.watermarks;
    const c = connection._id;
    const id = (ext: string) => psaRecordId(c, ext);

    const companies = await adapter.companies(since.companies);
    await this.data.upsertCompanies(companies.map((r) => ({ _id: id(r.externalId), connectionId: c, externalId: r.externalId, identifier: r.identifier, name: r.name, nameKey: exactKey(r.name), seenRun: runId })));
    const products = await adapter.products(since.products);
    await this.data.upsertProducts(products.map((r) => ({ _id: id(r.externalId), connectionId: c, externalId: r.externalId, identifier: r.identifier, name: r.name, seenRun: runId })));

    const known = new Set((await this.data.agreements(c)).map((a) => a._id));
    const agreements = await adapter.agreements(since.agreements);
    await this.data.upsertAgreements(agreements.map((r) => ({ _id: id(r.externalId), connectionId: c, externalId: r.externalId, companyId: id(r.companyExternalId), name: r.name, cancelled: r.cancelled, seenRun: runId })));

    const additions: PsaAdditionDoc[] = [];
    let newestAddition = since.additions;
    const active = (await this.data.agreements(c)).filter((a) => !a.cancelled && (!full || a.seenRun === runId));
    for (const agreement of active) {
      const records = await adapter.additions(agreement.externalId, full || !known.has(agreement._id) ? null : since.additions);
      for (const r of records) {
        additions.push({ _id: id(r.externalId), connectionId: c, externalId: r.externalId, agreementId: agreement._id, companyId: agreement.companyId, productId: id(r.productExternalId), quantity: r.quantity, cancelled: r.cancelled, seenRun: runId });
        newestAddition = newest(newestAddition, r.lastUpdated);
      }
    }
    await this.data.upsertAdditions(additions);
    const removed = full ? await this.data.removeUnseen(c, runId, ALL) : 0;

    const watermarks: Watermarks = {
      companies: companies.reduce((w, r) => newest(w, r.lastUpdated), since.companies),
      products: products.reduce((w, r) => newest(w, r.lastUpdated), since.products),
      agreements: agreements.reduce((w, r) => newest(w, r.lastUpdated), since.agreements),
      additions: newestAddition,
    };
    await this.connections.update(c, { watermarks });
    return { companies: companies.length, products: products.length, agreements: agreements.length, additions: additions.length, removed };
  }
}

function newest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
