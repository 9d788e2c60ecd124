import { Injectable } from '@nestjs/common';
import type { Page } from '@seatwise/shared/contracts/page';
import type { AuditEntryView } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { type AuditDoc, AuditRepository } from './audit.repository';

// The audit log as the API lists it.
@Injectable()
export class AuditLogQuery {
  constructor(private readonly repository: AuditRepository) {}

  list(request: RpcInput<'reconcile.audit.list'>): Promise<Page<AuditEntryView>> {
    return this.repository.page(request, toAuditView);
  }
}

function toAuditView(doc: AuditDoc): AuditEntryView {
  return {
    id: doc._id,
    at: new Date(doc.at).toISOString(),
    actor: doc.actor,
    action: doc.action,
    targetKind: doc.targetKind,
    targetId: doc.targetId,
    accountId: doc.accountId,
    note: doc.note,
    details: doc.details,
  };
}
