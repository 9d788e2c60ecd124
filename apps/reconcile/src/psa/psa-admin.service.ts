import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { PsaConnectionInput, PsaImportInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import { AuditService } from '../audit/audit.service';
import { newId, psaRecordId } from '../db/ids';
import { fail, ReconcileErrors } from '../errors';
import { AccountMappingService } from '../mapping/account-mapping.service';
import { exactKey } from '../mapping/name-similarity';
import { ServiceMappingService } from '../mapping/service-mapping.service';
import { Reconciler } from '../reconciliation/reconciler.service';
import { SyncRunRepository } from '../sync/sync-run.repository';
import { SyncRunner } from '../sync/sync-runner.service';
import { type PsaConnectionDoc, PsaConnectionRepository } from './psa-connection.repository';
import { PsaConnectionsService } from './psa-connections.service';
import { PsaDataRepository } from './psa-data.repository';
import { checkImportReferences } from './import-references';

// What a PSA connection's life touches beyond the connection itself: the first sync, the cascade on delete, and
// JSON imports for MSPs without a supported PSA.
@Injectable()
export class PsaAdminService {
  constructor(
    private readonly connections: PsaConnectionsService,
    private readonly repository: PsaConnectionRepository,
    private readonly data: PsaDataRepository,
    private readonly runs: SyncRunRepository,
    private readonly runner: SyncRunner,
    private readonly accountMappings: AccountMappingService,
    private readonly serviceMappings: ServiceMappingService,
    private readonly reconciler: Reconciler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(input: PsaConnectionInput): Promise<PsaConnectionDoc> {
    const doc = await this.connections.create(input);
    await this.runner.start(doc._id, 'full', 'connection', input.actor);
    return doc;
  }

  async delete(id: string, actor: string, note: string | undefined): Promise<void> {
    await this.connections.getDoc(id);
    await this.accountMappings.releaseConnection(id, actor);
    await this.serviceMappings.releaseConnection(id, actor);
    await this.data.deleteConnection(id);
    await this.runs.deleteConnection(id);
    await this.repository.delete(id);
    await this.audit.record({ actor, action: 'connection.delete', targetKind: 'connection', targetId: id, note });
    await this.reconciler.recomputeAll();
  }

  // Replaces everything of the import connection with the request's records (what it no longer lists is removed).
  async import(input: PsaImportInput): Promise<{ connection: PsaConnectionDoc; counts: { companies: number; products: number; agreementLines: number } }> {
    checkImportReferences(input);
    const now = this.clock.now();
    let connection: PsaConnectionDoc;
    if (input.connectionId !== undefined) {
      const existing = await this.connections.getDoc(input.connectionId);
      if (existing.kind !== 'import') throw fail(ReconcileErrors.CONNECTION_INVALID_STATE, `Connection ${existing._id} is a ConnectWise connection; it is synced, not imported`);
      connection = existing;
    } else {
      connection = {
        _id: newId('psa'), name: input.name, kind: 'import', siteUrl: null, companyId: null, publicKey: null, clientId: null, secret: null,
        status: 'connected', lastError: null, lastSyncAt: null, watermarks: { companies: null, products: null, agreements: null, additions: null }, createdAt: now, updatedAt: now,
      };
      await this.repository.insert(connection);
    }
    const c = connection._id;
    const runId = newId('imp');
    const id = (ext: string) => psaRecordId(c, ext);
    await this.data.upsertCompanies(input.companies.map((r) => ({ _id: id(r.id), connectionId: c, externalId: r.id, identifier: r.identifier ?? null, name: r.name, nameKey: exactKey(r.name), seenRun: runId })));
    await this.data.upsertProducts(input.products.map((r) => ({ _id: id(r.id), connectionId: c, externalId: r.id, identifier: r.identifier ?? null, name: r.name, seenRun: runId })));
    const agreementOf = (line: PsaImportInput['agreementLines'][number]) => line.agreementId ?? `company-${line.companyId}`;
    const agreements = new Map(input.agreementLines.map((l) => [agreementOf(l), l]));
    await this.data.upsertAgreements([...agreements].map(([ext, l]) => ({ _id: id(`agreement-${ext}`), connectionId: c, externalId: ext, companyId: id(l.companyId), name: l.agreementName ?? 'Imported agreement', cancelled: false, seenRun: runId })));
    await this.data.upsertAdditions(input.agreementLines.map((l, i) => ({
      _id: id(`line-${i}`), connectionId: c, externalId: `line-${i}`, agreementId: id(`agreement-${agreementOf(l)}`), companyId: id(l.companyId),
      productId: id(l.productId), quantity: l.quantity, cancelled: l.cancelled ?? false, seenRun: runId,
    })));
    await this.data.removeUnseen(c, runId, ['companies', 'products', 'agreements', 'additions']);
    const updated = (await this.repository.update(c, { name: input.name, lastSyncAt: now, updatedAt: now })) ?? connection;
    const counts = { companies: input.companies.length, products: input.products.length, agreementLines: input.agreementLines.length };
    await this.audit.record({ actor: input.actor, action: 'connection.import', targetKind: 'connection', targetId: c, note: input.note, details: counts });
    await this.accountMappings.autoMapAll();
    await this.reconciler.recomputeAll();
    return { connection: updated, counts };
  }
}
