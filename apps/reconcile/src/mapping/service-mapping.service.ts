import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { DUO_SKUS, type DuoSku, SKU_OF_EDITION, type ServiceMappingView } from '@seatwise/shared/contracts/reconcile-views';
import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import { AuditService } from '../audit/audit.service';
import { fail, ReconcileErrors } from '../errors';
import { ReconcileEvents } from '../events/reconcile-events';
import { PsaDataRepository } from '../psa/psa-data.repository';
import { Reconciler } from '../reconciliation/reconciler.service';
import { ClaimsRepository, productClaim } from './claims.repository';
import { type ServiceMappingDoc, ServiceMappingRepository } from './service-mapping.repository';

export interface ServiceChange {
  sku: DuoSku;
  actor: string;
  note?: string | undefined;
}

type Target = Pick<ServiceMappingDoc, 'state' | 'productId' | 'connectionId'>;
const EDITIONS_OF = (sku: DuoSku): DuoEdition[] => (Object.entries(SKU_OF_EDITION) as [DuoEdition, DuoSku][]).filter(([, s]) => s === sku).map(([e]) => e);

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

  async list(): Promise<ServiceMappingView[]> {
    const docs = new Map((await this.mappings.all()).map((d) => [d._id, d]));
    const products = new Map((await this.psa.productsByIds([...docs.values()].flatMap((d) => (d.productId ? [d.productId] : [])))).map((p) => [p._id, p.name]));
    return DUO_SKUS.map((sku) => view(sku, docs.get(sku) ?? null, products));
  }

  async viewOf(sku: DuoSku): Promise<ServiceMappingView> {
    const doc = await this.mappings.get(sku);
    const products = new Map((await this.psa.productsByIds(doc?.productId ? [doc.productId] : [])).map((p) => [p._id, p.name]));
    return view(sku, doc, products);
  }

  async map(change: ServiceChange & { productId: string }): Promise<void> {
    const product = await this.psa.product(change.productId);
    if (!product) throw fail(ReconcileErrors.PSA_PRODUCT_NOT_FOUND, `No PSA product ${change.productId}`);
    const current = await this.mappings.get(change.sku);
    if (current?.state === 'mapped') {
      throw fail(ReconcileErrors.MAPPING_CONFLICT, current.productId === change.productId
        ? `SKU ${change.sku} is already mapped to ${change.productId}`
        : `SKU ${change.sku} is mapped to ${current.productId ?? '?'}; unmap it first`);
    }
    if (!(await this.claims.claim(productClaim(product._id), change.sku))) {
      const owner = await this.claims.ownerOf(productClaim(product._id));
      throw fail(ReconcileErrors.MAPPING_CONFLICT, `PSA product ${product._id} is already mapped to SKU ${owner ?? '?'}`);
    }
    await this.apply(change, current, { state: 'mapped', productId: product._id, connectionId: product.connectionId }, 'mapping.service.map');
  }

  async unmap(change: ServiceChange): Promise<void> {
    const current = await this.mappings.get(change.sku);
    if (!current || current.state === 'unmapped') throw fail(ReconcileErrors.MAPPING_INVALID_STATE, `SKU ${change.sku} is not mapped or excluded`);
    await this.apply(change, current, { state: 'unmapped', productId: null, connectionId: null }, 'mapping.service.unmap');
  }

  async exclude(change: ServiceChange): Promise<void> {
    const current = await this.mappings.get(change.sku);
    if (current?.state === 'excluded') throw fail(ReconcileErrors.MAPPING_INVALID_STATE, `SKU ${change.sku} is already excluded`);
    await this.apply(change, current, { state: 'excluded', productId: null, connectionId: null }, 'mapping.service.exclude');
  }

  async releaseConnection(connectionId: string, actor: string): Promise<void> {
    for (const doc of await this.mappings.byConnection(connectionId)) {
      await this.apply({ sku: doc._id, actor, note: `PSA connection ${connectionId} deleted` }, doc, { state: 'unmapped', productId: null, connectionId: null }, 'mapping.service.unmap')
        .catch(() => undefined); // changed concurrently: that decision stands
    }
  }

  private async apply(change: ServiceChange, current: ServiceMappingDoc | null, target: Target, action: string): Promise<void> {
    const updated = await this.mappings.transition(change.sku, current?.revision ?? 0, target, this.clock.now());
    if (!updated) {
      if (target.productId) await this.claims.release(productClaim(target.productId), change.sku);
      throw fail(ReconcileErrors.MAPPING_CONFLICT, `SKU ${change.sku} was changed by someone else meanwhile; reload and retry`);
    }
    if (current?.productId && current.productId !== target.productId) await this.claims.release(productClaim(current.productId), change.sku);
    await this.audit.record({ actor: change.actor, action, targetKind: 'service-mapping', targetId: change.sku, note: change.note, details: { from: current?.state ?? 'unmapped', to: target.state, productId: target.productId ?? current?.productId ?? null } });
    await this.events.publish('reconcile.mapping.changed', {
      kind: 'service', accountId: null, sku: change.sku, state: updated.state, psaCompanyId: null, productId: updated.productId,
      source: 'manual', actor: change.actor, revision: updated.revision, at: new Date(updated.updatedAt).toISOString(),
    });
    await this.reconciler.recomputeAll();
  }
}

function view(sku: DuoSku, doc: ServiceMappingDoc | null, products: Map<string, string>): ServiceMappingView {
  return {
    sku, editions: EDITIONS_OF(sku), state: doc?.state ?? 'unmapped', productId: doc?.productId ?? null,
    productName: doc?.productId ? products.get(doc.productId) ?? null : null, connectionId: doc?.connectionId ?? null,
    revision: doc?.revision ?? 0, updatedAt: doc ? new Date(doc.updatedAt).toISOString() : null,
  };
}
