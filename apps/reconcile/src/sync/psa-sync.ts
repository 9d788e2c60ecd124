import { Injectable } from '@nestjs/common';
import { exactKey } from '@seatwise/shared/text/exact-key';
import { ConnectionAdapters } from '../psa/connection-adapters';
import type { PsaAdapter, PsaCompanyRecord } from '../psa/psa-adapter';
import {
  NO_WATERMARKS,
  type PsaConnectionDoc,
  PsaConnectionRepository,
  type Watermarks,
} from '../psa/psa-connection.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { type PsaAdditionDoc, type PsaAgreementDoc, psaRecordId } from '../psa/psa-records.schemas';
import type { RunCounts, SyncRunDoc } from './sync-run.repository';

const ALL = ['companies', 'products', 'agreements', 'additions'] as const;

// Copies a PSA (ConnectWise, Autotask, HaloPSA) into the local store. Quick: records changed since the last watermark (the PSA's
// lastUpdated, so clocks never disagree); additions of every active agreement are asked for their changes, and a
// newly seen agreement's in full. Full: everything, and what the PSA no longer has is removed. Only additions of
// active agreements are kept (Gradient also syncs only services on active contracts).
@Injectable()
export class PsaSync {
  constructor(
    private readonly data: PsaDataRepository,
    private readonly connections: PsaConnectionRepository,
    private readonly adapters: ConnectionAdapters,
  ) {}

  // A connection never synced has no watermarks: its first run is full, whatever was asked.
  async run(run: SyncRunDoc): Promise<RunCounts> {
    const connection = await this.connections.mustFind(run.connectionId);
    const full = run.kind === 'full' || connection.watermarks.companies === null;
    return this.copy(connection, await this.adapters.adapterFor(connection._id), run._id, full);
  }

  private async copy(
    connection: PsaConnectionDoc,
    adapter: PsaAdapter,
    runId: string,
    full: boolean,
  ): Promise<RunCounts> {
    const since: Watermarks = full ? NO_WATERMARKS : connection.watermarks;
    const c = connection._id;
    const id = (ext: string) => psaRecordId(c, ext);

    const catalog = (r: PsaCompanyRecord) => {
      return {
        _id: id(r.externalId),
        connectionId: c,
        externalId: r.externalId,
        identifier: r.identifier,
        name: r.name,
        seenRun: runId,
      };
    };

    const companies = await adapter.companies(since.companies);
    await this.data.upsertCompanies(companies.map((r) => ({ ...catalog(r), nameKey: exactKey(r.name) })));
    const products = await adapter.products(since.products);
    await this.data.upsertProducts(products.map((r) => ({ ...catalog(r), unitPrice: r.unitPrice })));

    const known = new Set((await this.data.agreements(c)).map((a) => a._id));
    const agreements = await adapter.agreements(since.agreements);
    await this.data.upsertAgreements(
      agreements.map((r) => ({
        _id: id(r.externalId),
        connectionId: c,
        externalId: r.externalId,
        companyId: id(r.companyExternalId),
        name: r.name,
        cancelled: r.cancelled,
        currency: r.currency,
        seenRun: runId,
      })),
    );

    const active = (await this.data.agreements(c)).filter((a) => !a.cancelled && (!full || a.seenRun === runId));
    const additions = await this.additions(
      adapter,
      active,
      (a) => (full || !known.has(a._id) ? null : since.additions),
      runId,
    );
    await this.data.upsertAdditions(additions.docs);
    const removed = full ? await this.data.removeUnseen(c, runId, ALL) : 0;

    const watermarks: Watermarks = {
      companies: companies.reduce((w, r) => newest(w, r.lastUpdated), since.companies),
      products: products.reduce((w, r) => newest(w, r.lastUpdated), since.products),
      agreements: agreements.reduce((w, r) => newest(w, r.lastUpdated), since.agreements),
      additions: additions.stamps.reduce(newest, since.additions),
    };
    await this.connections.update(c, { watermarks, usage: adapter.usage?.() ?? null });
    return {
      companies: companies.length,
      products: products.length,
      agreements: agreements.length,
      additions: additions.docs.length,
      removed,
    };
  }

  // The additions of each active agreement changed since `sinceOf(agreement)` (null: all of them), with the PSA's
  // lastUpdated of each, for the watermark.
  private async additions(
    adapter: PsaAdapter,
    active: PsaAgreementDoc[],
    sinceOf: (agreement: PsaAgreementDoc) => string | null,
    runId: string,
  ): Promise<{ docs: PsaAdditionDoc[]; stamps: (string | null)[] }> {
    const docs: PsaAdditionDoc[] = [];
    const stamps: (string | null)[] = [];
    for (const agreement of active) {
      for (const r of await adapter.additions(agreement.externalId, sinceOf(agreement))) {
        docs.push({
          _id: psaRecordId(agreement.connectionId, r.externalId),
          connectionId: agreement.connectionId,
          externalId: r.externalId,
          agreementId: agreement._id,
          companyId: agreement.companyId,
          productId: psaRecordId(agreement.connectionId, r.productExternalId),
          quantity: r.quantity,
          unitPrice: r.unitPrice,
          cancelled: r.cancelled,
          seenRun: runId,
        });
        stamps.push(r.lastUpdated);
      }
    }
    return { docs, stamps };
  }
}

function newest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
