import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { PsaImportInput } from '@seatwise/shared/contracts/reconcile-rpcs';
import type { RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { newId } from '../db/ids';
import { AutoMapper } from '../mapping/auto-mapper';
import { type PsaConnectionDoc, PsaConnectionRepository } from '../psa/psa-connection.repository';
import { toConnectionView } from '../psa/psa-connection.view';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { Reconciler } from '../reconciliation/reconciler.service';
import { checkImportReferences } from './import-references';
import { importedRecords } from './imported-records';
import { newConnection } from './new-connection';

const ALL = ['companies', 'products', 'agreements', 'additions'] as const;

// JSON imports, for MSPs without a supported PSA: replaces everything of the import connection with the
// request's records (what it no longer lists is removed), then maps and reconciles as a sync would.
@Injectable()
export class ImportPsa {
  constructor(
    private readonly repository: PsaConnectionRepository,
    private readonly data: PsaDataRepository,
    private readonly audit: AuditService,
    private readonly autoMapper: AutoMapper,
    private readonly reconciler: Reconciler,
    private readonly clock: Clock,
  ) {}

  async import(input: PsaImportInput): Promise<RpcResponse<'reconcile.psa.import'>> {
    checkImportReferences(input);
    const now = this.clock.now();
    const connection = await this.target(input, now);
    const runId = newId('imp');
    const records = importedRecords(connection._id, runId, input);
    await this.data.upsertCompanies(records.companies);
    await this.data.upsertProducts(records.products);
    await this.data.upsertAgreements(records.agreements);
    await this.data.upsertAdditions(records.additions);
    await this.data.removeUnseen(connection._id, runId, ALL);
    const updated =
      (await this.repository.update(connection._id, { name: input.name, lastSyncAt: now, updatedAt: now })) ??
      connection;
    const counts = {
      companies: input.companies.length,
      products: input.products.length,
      agreementLines: input.agreementLines.length,
    };
    await this.audit.record({
      actor: input.actor,
      action: 'connection.import',
      targetKind: 'connection',
      targetId: connection._id,
      note: input.note,
      details: counts,
    });
    await this.autoMapper.autoMapAll();
    await this.reconciler.recomputeAll();
    return { connection: toConnectionView(updated), counts };
  }

  // The import connection named by the request, or a new one.
  private async target(input: PsaImportInput, now: Date): Promise<PsaConnectionDoc> {
    if (input.connectionId !== undefined) {
      const existing = await this.repository.mustFind(input.connectionId);
      if (existing.kind !== 'import') {
        throw new AppError(
          'RECONCILE.CONNECTION_INVALID_STATE',
          `Connection ${existing._id} is a ConnectWise connection; it is synced, not imported`,
        );
      }
      return existing;
    }
    const none = { siteUrl: null, companyId: null, publicKey: null, clientId: null, settings: {}, secret: null };
    const connection = newConnection({ name: input.name, kind: 'import', ...none }, now);
    await this.repository.insert(connection);
    return connection;
  }
}
