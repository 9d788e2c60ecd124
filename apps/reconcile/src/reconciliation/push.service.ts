import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/reconcile-env';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ConnectionAdapters } from '../psa/connection-adapters';
import type { QuantityResult } from '../psa/psa-adapter';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { withinFence } from '../psa/psa-write-fence';
import { classify } from './classify';
import { PushLeases } from './push-leases';
import { type RowDoc, RowRepository } from './row.repository';

// The part of a lease its push may not use: another replica's clock may run this much ahead of ours.
const MAX_FENCE_MARGIN_MS = 10_000;
const cents = (n: number): number => Math.round(n * 100) / 100;
const SWEEP_MS = 15_000;

// Pushes approved rows to the PSA one at a time: set the quantity, read it back, then applied or failed. A row is
// leased before its push, so a second approval, a sweep or a second replica never pushes it twice. The lease is
// fenced (#18): the push's PSA requests stop before the lease ends (PsaWriteFence), and only the push holding the
// row's current token settles it.
@Injectable()
export class PushService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly queue = new Set<string>();
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly rows: RowRepository,
    private readonly leases: PushLeases,
    private readonly psa: PsaDataRepository,
    private readonly adapters: ConnectionAdapters,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
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
    const leaseMs = this.env.RECONCILE_PUSH_LEASE_MS;
    const row = await this.leases.take(id, now, new Date(now.getTime() + leaseMs));
    if (!row) return;
    const pushed = row.approved?.quantity ?? row.vendorQuantity;
    const fence = {
      deadlineMs: row.pushLeaseUntil.getTime() - Math.min(MAX_FENCE_MARGIN_MS, leaseMs / 10),
      nowMs: () => this.clock.nowMs(),
    };
    const outcome = await withinFence(fence, () => this.push(row)).catch((error: unknown) =>
      error instanceof AppError ? error : new AppError('RECONCILE.PSA_UPSTREAM_FAILED', String(error)),
    );
    if (outcome instanceof AppError && outcome.code === 'RECONCILE.PUSH_LEASE_EXPIRED') {
      // Not a failure of the row: the sweep (here or on another replica) takes it again and pushes it whole.
      this.logger.warn({ row: row._id, reason: outcome.message }, 'push stopped at the end of its lease');
      return;
    }
    await this.settle(row, pushed, outcome);
  }

  // Sends exactly what was approved: that quantity, to that company's line of that product (or a new line on that
  // agreement), with that effective date, and only while the row still describes that company and product.
  private async push(row: RowDoc): Promise<QuantityResult> {
    const approved = row.approved;
    if (!approved || row.psaCompanyId !== approved.psaCompanyId || row.productId !== approved.productId) {
      throw new AppError(
        'RECONCILE.ROW_INVALID_STATE',
        'The row no longer describes the company and product that were approved; review it and approve again',
      );
    }
    const [company, product, agreement] = await Promise.all([
      this.psa.company(approved.psaCompanyId),
      this.psa.product(approved.productId),
      approved.agreementId ? this.psa.agreement(approved.agreementId) : Promise.resolve(null),
    ]);
    if (!company || !product || (approved.agreementId && agreement?.companyId !== company._id)) {
      throw new AppError(
        'RECONCILE.ROW_INVALID_STATE',
        'The approved company, product or agreement is no longer in the PSA data; sync, review and approve again',
      );
    }
    const adapter = await this.adapters.adapterFor(company.connectionId);
    const result = await adapter.setQuantity({
      companyExternalId: company.externalId,
      productExternalId: product.externalId,
      quantity: approved.quantity,
      effectiveDate: approved.effectiveDate ? new Date(approved.effectiveDate).toISOString() : null,
      agreementExternalId: agreement?.externalId ?? null,
    });
    await this.psa.recordLine(company, product._id, result);
    return result;
  }

  // Records the outcome on the current revision (a recompute may have touched the row during the push), with its
  // audit entry and event (RowChanges), if this push still holds the row.
  private async settle(leased: RowDoc, pushed: number, outcome: QuantityResult | AppError): Promise<void> {
    const at = this.clock.now();
    await this.leases.settle(leased, (row) => ({
      changes: { ...outcomeChanges(row, pushed, outcome, at), updatedAt: at },
      audits: [
        {
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
                  created: outcome.created,
                },
        },
      ],
    }));
  }
}

function outcomeChanges(row: RowDoc, pushed: number, outcome: QuantityResult | AppError, at: Date): Partial<RowDoc> {
  if (outcome instanceof AppError) {
    return { state: 'failed', lastError: { code: outcome.code, message: outcome.message, at } };
  }
  return {
    // Seats changed while pushing: the PSA holds the approved count, so the row needs another decision.
    state: row.vendorQuantity === pushed ? 'applied' : 'pending',
    ...(row.vendorQuantity === pushed
      ? {}
      : { note: `Pushed ${pushed} as approved; Duo now counts ${row.vendorQuantity}. Review and approve again.` }),
    lastError: null,
    appliedAt: at,
    psaQuantity: outcome.total,
    delta: row.vendorQuantity - outcome.total,
    type: classify(row.vendorQuantity, outcome.total),
    monthlyImpact: row.unitPrice === null ? 0 : cents((row.vendorQuantity - outcome.total) * row.unitPrice),
  };
}
