import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { DuoSku } from '@seatwise/shared/contracts/reconcile-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ReconcileEvents } from '../events/reconcile-events';
import { ClaimsRepository, productClaim } from '../mapping-store/claims.repository';
import { type ServiceMappingDoc, ServiceMappingRepository } from '../mapping-store/service-mapping.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { Reconciler } from '../reconciliation/reconciler.service';
import { alreadyMapped, changedMeanwhile, claimTarget } from './mapping-errors';

export interface ServiceChange {
  sku: DuoSku;
  actor: string;
  note?: string | undefined;
}

type Target = Pick<ServiceMappingDoc, 'state' | 'productId' | 'connectionId'>;

const UNMAPPED: Target = { state: 'unmapped', productId: null, connectionId: null };

// Duo SKU → PSA catalog product; one product per SKU and one SKU per product.
@Injectable()
export class ServiceMappingService {
  constructor(
    private readonly mappings: ServiceMappingRepository,
    private readonly claims: ClaimsRepository,
    private readonly psa: PsaDataRepository,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly reconciler: Reconciler,
    private readonly clock: Clock,
  ) {}

  async map(change: ServiceChange & { productId: string }): Promise<void> {
    const product = await this.psa.product(change.productId);
    if (!product) throw new AppError('RECONCILE.PSA_PRODUCT_NOT_FOUND', `No PSA product ${change.productId}`);
    const current = await this.mappings.findById(change.sku);
    if (current?.state === 'mapped') throw alreadyMapped(`SKU ${change.sku}`, current.productId, change.productId);
    await claimTarget(this.claims, productClaim(product._id), change.sku, `PSA product ${product._id}`, 'SKU');
    const target: Target = { state: 'mapped', productId: product._id, connectionId: product.connectionId };
    await this.apply(change, current, target, 'mapping.service.map');
  }

  async unmap(change: ServiceChange): Promise<void> {
    const current = await this.mappings.findById(change.sku);
    if (!current || current.state === 'unmapped') {
      throw new AppError('RECONCILE.MAPPING_INVALID_STATE', `SKU ${change.sku} is not mapped or excluded`);
    }
    await this.apply(change, current, UNMAPPED, 'mapping.service.unmap');
  }

  async exclude(change: ServiceChange): Promise<void> {
    const current = await this.mappings.findById(change.sku);
    if (current?.state === 'excluded') {
      throw new AppError('RECONCILE.MAPPING_INVALID_STATE', `SKU ${change.sku} is already excluded`);
    }
    await this.apply(change, current, { ...UNMAPPED, state: 'excluded' }, 'mapping.service.exclude');
  }

  // Unmaps (by the system) SKUs mapped to products of a PSA connection that is going away.
  async releaseConnection(connectionId: string, actor: string): Promise<void> {
    for (const doc of await this.mappings.byConnection(connectionId)) {
      const change = { sku: doc._id, actor, note: `PSA connection ${connectionId} deleted` };
      await this.apply(change, doc, UNMAPPED, 'mapping.service.unmap').catch(() => undefined); // changed concurrently: that decision stands
    }
  }

  // Conditional on the revision read; the product claims follow the mapping (taken before, released after).
  private async apply(
    change: ServiceChange,
    current: ServiceMappingDoc | null,
    target: Target,
    action: string,
  ): Promise<void> {
    const updated = await this.mappings.transition(change.sku, current?.revision ?? 0, target, this.clock.now());
    if (!updated) {
      if (target.productId) await this.claims.release(productClaim(target.productId), change.sku);
      throw changedMeanwhile(`SKU ${change.sku}`);
    }
    if (current?.productId && current.productId !== target.productId) {
      await this.claims.release(productClaim(current.productId), change.sku);
    }
    await this.audit.record({
      actor: change.actor,
      action,
      targetKind: 'service-mapping',
      targetId: change.sku,
      note: change.note,
      details: {
        from: current?.state ?? 'unmapped',
        to: target.state,
        productId: target.productId ?? current?.productId ?? null,
      },
    });
    await this.events.publish('reconcile.mapping.changed', {
      kind: 'service',
      accountId: null,
      sku: change.sku,
      state: updated.state,
      psaCompanyId: null,
      productId: updated.productId,
      source: 'manual',
      actor: change.actor,
      revision: updated.revision,
      at: new Date(updated.updatedAt).toISOString(),
    });
    await this.reconciler.recomputeAll();
  }
}
