import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { SKU_OF_EDITION, UNKNOWN_SKU } from '@seatwise/shared/contracts/reconcile-views';
import { AuditService } from '../audit/audit.service';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { ReconcileEvents } from '../events/reconcile-events';
import { AccountMappingRepository } from '../mapping/account-mapping.repository';
import { ServiceMappingRepository, type ServiceMappingDoc } from '../mapping/service-mapping.repository';
import { PsaConnectionRepository } from '../psa/psa-connection.repository';
import { PsaDataRepository } from '../psa/psa-data.repository';
import type { PsaCompanyDoc } from '../psa/psa-records.schemas';
import { VendorAccountRepository, type VendorAccountDoc } from '../vendor/vendor-account.repository';
import { classify } from './classify';
import { type RowDoc, RowRepository, rowId, toRowEvent } from './row.repository';

type Computed = Pick<RowDoc, '_id' | 'accountId' | 'accountName' | 'psaCompanyId' | 'connectionId' | 'connectionKind' | 'sku' | 'productId' | 'vendorQuantity' | 'psaQuantity' | 'delta' | 'type'>;
const COMPUTED_KEYS = ['accountName', 'psaCompanyId', 'connectionId', 'connectionKind', 'sku', 'productId', 'vendorQuantity', 'psaQuantity', 'delta', 'type'] as const;
// A change of these reopens a decided row: the decision was about other numbers.
const MATERIAL_KEYS = ['psaCompanyId', 'productId', 'vendorQuantity', 'psaQuantity', 'type'] as const;

// Recomputes an account's rows (mapped account × service) from the vendor snapshot, the mappings and the synced
// PSA lines. One account at a time in this process; row writes are conditional on the revision read.
@Injectable()
export class Reconciler {
  private readonly serializer = new KeyedSerializer();

  constructor(
    private readonly rows: RowRepository,
    private readonly vendors: VendorAccountRepository,
    private readonly accountMappings: AccountMappingRepository,
    private readonly serviceMappings: ServiceMappingRepository,
    private readonly psa: PsaDataRepository,
    private readonly connections: PsaConnectionRepository,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly clock: Clock,
  ) {}

  // Gradient's rule: nothing is reconciled before one account and one service are mapped.
  async readiness(): Promise<{ ready: boolean; accountsMapped: number; servicesMapped: number }> {
    const [accountsMapped, servicesMapped] = await Promise.all([this.accountMappings.countMapped(), this.serviceMappings.countMapped()]);
    return { ready: accountsMapped > 0 && servicesMapped > 0, accountsMapped, servicesMapped };
  }

  async recomputeAll(): Promise<void> {
    if (!(await this.readiness()).ready) return;
    for (const accountId of await this.vendors.allIds()) await this.recompute({ accountId });
  }

  recompute(scope: { accountId: string }): Promise<void> {
    return this.serializer.run(scope.accountId, async () => {
      if (!(await this.readiness()).ready) return;
      const vendor = await this.vendors.get(scope);
      if (!vendor) return;
      for (let attempt = 0; attempt < 5; attempt++) {
        const existing = new Map((await this.rows.ofAccount(scope)).map((r) => [r._id, r]));
        const desired = await this.desired(vendor, existing);
        let raced = false;
        for (const row of desired) raced = !(await this.save(row, existing.get(row._id))) || raced;
        if (!raced) return;
      }
    });
  }

  private async desired(vendor: VendorAccountDoc, existing: Map<string, RowDoc>): Promise<Computed[]> {
    const sku = vendor.edition ? SKU_OF_EDITION[vendor.edition] : UNKNOWN_SKU;
    const mapping = await this.accountMappings.get({ accountId: vendor._id });
    const company = mapping?.state === 'mapped' && mapping.psaCompanyId ? await this.psa.company(mapping.psaCompanyId) : null;
    const base = { accountId: vendor._id, accountName: vendor.name };
    const unmapped = (rowSku: string): Computed => {
      const vendorQuantity = rowSku === sku ? vendor.billableSeats : 0;
      return { ...base, _id: rowId(vendor._id, rowSku), psaCompanyId: company?._id ?? null, connectionId: null, connectionKind: null, sku: rowSku, productId: null, vendorQuantity, psaQuantity: 0, delta: vendorQuantity, type: 'unmapped' };
    };
    if (!company) return [...existing.values()].map((r) => unmapped(r.sku));
    const kind = (await this.connections.findById(company.connectionId))?.kind ?? null;
    const services = new Map((await this.serviceMappings.all()).map((s) => [s._id as string, s]));
    const out = new Map<string, Computed>();
    const own = services.get(sku);
    const ownBilled = await this.billed(company, own);
    out.set(rowId(vendor._id, sku), ownBilled === null || !own ? unmapped(sku) : this.row(base, company, kind, own, vendor.billableSeats, ownBilled));
    for (const [otherSku, service] of services) {
      if (otherSku === sku) continue;
      const billed = await this.billed(company, service);
      const id = rowId(vendor._id, otherSku);
      if (billed !== null && (billed > 0 || existing.has(id))) out.set(id, this.row(base, company, kind, service, 0, billed));
    }
    for (const [id, row] of existing) if (!out.has(id)) out.set(id, unmapped(row.sku));
    return [...out.values()];
  }

  // null when the SKU is not mapped to a product of the company's PSA (or the product is gone).
  private async billed(company: PsaCompanyDoc, service: ServiceMappingDoc | undefined): Promise<number | null> {
    if (service?.state !== 'mapped' || !service.productId || service.connectionId !== company.connectionId) return null;
    if (!(await this.psa.product(service.productId))) return null;
    return this.psa.billedQuantity(company._id, service.productId);
  }

  private row(base: Pick<Computed, 'accountId' | 'accountName'>, company: PsaCompanyDoc, kind: RowDoc['connectionKind'], service: ServiceMappingDoc, vendorQuantity: number, psaQuantity: number): Computed {
    return {
      ...base, _id: rowId(base.accountId, service._id), psaCompanyId: company._id, connectionId: company.connectionId, connectionKind: kind,
      sku: service._id, productId: service.productId, vendorQuantity, psaQuantity, delta: vendorQuantity - psaQuantity, type: classify(vendorQuantity, psaQuantity),
    };
  }

  // false when another writer changed the row first (the caller recomputes from fresh state).
  private async save(row: Computed, existing: RowDoc | undefined): Promise<boolean> {
    const now = this.clock.now();
    if (!existing) {
      const doc: RowDoc = {
        ...row, state: 'pending', effectiveDate: null, note: null, lastError: null, decidedBy: null, decidedAt: null, appliedAt: null,
        revision: 1, updatedAt: now, pushLeaseUntil: new Date(0),
      };
      if (!(await this.rows.insert(doc))) return false;
      await this.events.publish('reconcile.reconciliation.updated', toRowEvent(doc));
      return true;
    }
    if (COMPUTED_KEYS.every((k) => existing[k] === row[k])) return true;
    const material = MATERIAL_KEYS.some((k) => existing[k] !== row[k]);
    // An approved ConnectWise row is being pushed; its state is the push's to settle.
    const pushing = existing.state === 'approved' && existing.connectionKind === 'connectwise';
    const reopen = material && !pushing && existing.state !== 'pending';
    const { _id, ...fields } = row;
    const updated = await this.rows.update(_id, existing.revision, { ...fields, updatedAt: now, ...(reopen ? { state: 'pending', lastError: null } : {}) });
    if (!updated) return false;
    if (reopen) {
      await this.audit.record({
        actor: 'system', action: 'row.reopen', targetKind: 'row', targetId: _id, accountId: row.accountId,
        details: { from: existing.state, vendorQuantity: row.vendorQuantity, psaQuantity: row.psaQuantity },
      });
    }
    await this.events.publish('reconcile.reconciliation.updated', toRowEvent(updated));
    return true;
  }
}
