import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { AuditService } from '../audit/audit.service';
import { ReconcileEvents } from '../events/reconcile-events';
import { type AccountMappingDoc, AccountMappingRepository } from '../mapping-store/account-mapping.repository';
import { ClaimsRepository, companyClaim } from '../mapping-store/claims.repository';
import { Reconciler } from '../reconciliation/reconciler.service';
import { changedMeanwhile } from './mapping-errors';

export interface MappingChange {
  accountId: string;
  actor: string;
  note?: string | undefined;
}

export type AccountTarget = Pick<AccountMappingDoc, 'state' | 'psaCompanyId' | 'source' | 'autoEligible'> &
  Partial<Pick<AccountMappingDoc, 'agreementId'>>;

// Applies an account mapping decision: conditional on the revision read; the company claims follow the mapping
// (taken before, released after); audited, announced, and the account's rows recomputed.
@Injectable()
export class AccountMappingWriter {
  constructor(
    private readonly mappings: AccountMappingRepository,
    private readonly claims: ClaimsRepository,
    private readonly audit: AuditService,
    private readonly events: ReconcileEvents,
    private readonly reconciler: Reconciler,
    private readonly clock: Clock,
  ) {}

  async apply(
    current: AccountMappingDoc,
    target: AccountTarget,
    change: MappingChange,
    action: string,
  ): Promise<AccountMappingDoc> {
    // A new company (or none) forgets the agreement chosen for the old one.
    const kept = target.agreementId === undefined ? current.agreementId : target.agreementId;
    const agreementId = target.psaCompanyId === current.psaCompanyId ? kept : null;
    const updated = await this.mappings.transition(
      { accountId: current._id },
      current.revision,
      {
        state: target.state,
        psaCompanyId: target.psaCompanyId,
        source: target.source,
        autoEligible: target.autoEligible,
        agreementId,
      },
      this.clock.now(),
    );
    if (!updated) {
      if (target.psaCompanyId) await this.claims.release(companyClaim(target.psaCompanyId), current._id);
      throw changedMeanwhile(`Account ${current._id}`);
    }
    if (current.psaCompanyId && current.psaCompanyId !== target.psaCompanyId) {
      await this.claims.release(companyClaim(current.psaCompanyId), current._id);
    }
    await this.audit.record({
      actor: change.actor,
      action,
      targetKind: 'account-mapping',
      targetId: current._id,
      accountId: current._id,
      note: change.note,
      details: {
        from: current.state,
        to: target.state,
        psaCompanyId: target.psaCompanyId ?? current.psaCompanyId,
        ...(agreementId === current.agreementId ? {} : { agreementId }),
      },
    });
    await this.events.publish('reconcile.mapping.changed', {
      kind: 'account',
      accountId: current._id,
      sku: null,
      state: updated.state,
      psaCompanyId: updated.psaCompanyId,
      productId: null,
      source: target.source ?? 'manual',
      actor: change.actor,
      revision: updated.revision,
      at: new Date(updated.updatedAt).toISOString(),
    });
    await this.reconciler.recompute({ accountId: current._id });
    return updated;
  }
}
