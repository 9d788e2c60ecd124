import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AuditService } from '../audit/audit.service';
import { ReconcileEvents } from '../events/reconcile-events';
import { ConnectionAdapters } from '../psa/connection-adapters';
import type { QuantityResult } from '../psa/psa-adapter';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { psaRecordId } from '../psa/psa-records.schemas';
import { classify } from './classify';
import { toRowEvent } from './row-views';
import { type RowDoc, RowRepository } from './row.repository';

const LEASE_MS = 5 * 60_000;
const SWEEP_MS = 15_000;

// Pushes approved rows to the PSA one at a time: set the quantity, read it back, then applied or failed. A row is
// leased before its push, so a second approval, a sweep or a second replica never pushes it twice.
@Injectable()
export class PushService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly queue = new Set<string>();
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly rows: RowRepository,
    private readonly psa: PsaDataRepository,
    private readonly adapters: ConnectionAdapters,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // Approved rows a previous process did not finish are pushed again (setting a quantity is idempotent).
    this.timer = setInterval(() => {
      void this.sweep();
    }, SWEEP_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.queue.clear();
    await this.draining;
  }

  enqueue(ids: readonly string[]): void {
    for (const id of ids) this.queue.add(id);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async sweep(): Promise<void> {
    try {
      this.enqueue(await this.rows.pushable(this.clock.now()));
    } catch (error) {
      this.logger.warn({ err: error }, 'looking for approved rows failed');
    }
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.values().next(); !next.done && !this.stopped; next = this.queue.values().next()) {
      this.queue.delete(next.value);
      await this.pushOne(next.value).catch((error: unknown) => {
        this.logger.error({ err: error, row: next.value }, 'push bookkeeping failed');
      });
    }
  }

  private async pushOne(id: string): Promise<void> {
    const now = this.clock.now();
    const row = await this.rows.lease(id, now, new Date(now.getTime() + LEASE_MS));
    if (!row) return;
    try {
      const result = await this.push(row);
      await this.settle(row, row.vendorQuantity, result);
    } catch (error) {
      await this.settle(
        row,
        row.vendorQuantity,
        error instanceof AppError ? error : new AppError('RECONCILE.PSA_UPSTREAM_FAILED', String(error)),
      );
    }
  }

  private async push(row: RowDoc): Promise<QuantityResult> {
    const [company, product] = [
      row.psaCompanyId ? await this.psa.company(row.psaCompanyId) : null,
      row.productId ? await this.psa.product(row.productId) : null,
    ];
    if (row.type === 'unmapped' || !company || !product) {
      throw new AppError(
        'RECONCILE.ROW_INVALID_STATE',
        'The account or the service is no longer mapped to a PSA record; map it and approve again',
      );
    }
    const adapter = await this.adapters.adapterFor(company.connectionId);
    const result = await adapter.setQuantity({
      companyExternalId: company.externalId,
      productExternalId: product.externalId,
      quantity: row.vendorQuantity,
      effectiveDate: row.effectiveDate ? new Date(row.effectiveDate).toISOString() : null,
    });
    await this.psa.setAdditionQuantity(
      psaRecordId(company.connectionId, result.addition.externalId),
      result.addition.quantity,
    );
    return result;
  }

  // Records the outcome on the current revision (a recompute may have touched the row during the push).
  private async settle(leased: RowDoc, pushed: number, outcome: QuantityResult | AppError): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.rows.findById(leased._id);
      if (row?.state !== 'approved') return;
      const at = this.clock.now();
      const changes: Partial<RowDoc> =
        outcome instanceof AppError
          ? { state: 'failed', lastError: { code: outcome.code, message: outcome.message, at } }
          : {
              // Seats changed while pushing: the PSA holds the old count, so the row needs another decision.
              state: row.vendorQuantity === pushed ? 'applied' : 'pending',
              lastError: null,
              appliedAt: at,
              psaQuantity: outcome.total,
              delta: row.vendorQuantity - outcome.total,
              type: classify(row.vendorQuantity, outcome.total),
            };
      const updated = await this.rows.update(
        row._id,
        row.revision,
        { ...changes, updatedAt: at, pushLeaseUntil: new Date(0) },
        ['approved'],
      );
      if (!updated) continue;
      await this.audit.record({
        actor: row.decidedBy ?? 'system',
        action: outcome instanceof AppError ? 'row.failed' : 'row.applied',
        targetKind: 'row',
        targetId: row._id,
        accountId: row.accountId,
        details:
          outcome instanceof AppError
            ? { code: outcome.code, message: outcome.message }
            : {
                quantity: pushed,
                total: outcome.total,
                previousQuantity: outcome.previousQuantity,
                agreementId: outcome.agreementExternalId,
                additionId: outcome.addition.externalId,
              },
      });
      await this.events.publish('reconcile.reconciliation.updated', toRowEvent(updated));
      return;
    }
    await this.rows.releaseLease(leased._id);
  }
}
