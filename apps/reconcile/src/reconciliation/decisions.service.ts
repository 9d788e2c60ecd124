import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { ReconciliationRowView } from '@seatwise/shared/contracts/reconcile-views';
import { AppError } from '@seatwise/shared/errors/app-error';
import { SettingsService } from '../settings/settings.service';
import { PushService } from './push.service';
import { freeze } from './frozen-approval';
import { RowChanges } from './row-changes';
import { RowViewer } from './row-viewer';
import { isPushed, type RowDoc, RowRepository, type RowState } from './row.repository';

export interface Decision {
  ids: string[];
  actor: string;
  note?: string | undefined;
  effectiveDate?: string | undefined;
}

type Verb = 'approve' | 'dismiss' | 'reset';

// Which states each decision may start from. Approving a failed row is the retry; approved rows of a PSA
// connection are being pushed and cannot be reset, those of an import connection only record the decision.
const AGREEMENT_ISSUES = {
  no_active_agreement: 'has no active agreement to add the product to (add one in the PSA, then sync)',
  ambiguous: 'has more than one agreement the product could go on (choose one in the account mapping)',
} as const;

const FROM: Record<Verb, readonly RowState[]> = {
  approve: ['pending', 'failed', 'dismissed'],
  dismiss: ['pending', 'failed'],
  reset: ['dismissed', 'failed', 'applied', 'approved'],
};

const IMPORT_NOTE =
  'import connection: the decision is recorded, nothing is pushed; change the quantity in your PSA and import again';

@Injectable()
export class DecisionsService {
  constructor(
    private readonly rows: RowRepository,
    private readonly push: PushService,
    private readonly viewer: RowViewer,
    private readonly rowChanges: RowChanges,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  approve(decision: Decision): Promise<ReconciliationRowView[]> {
    return this.decide('approve', decision);
  }

  dismiss(decision: Decision): Promise<ReconciliationRowView[]> {
    return this.decide('dismiss', decision);
  }

  reset(decision: Decision): Promise<ReconciliationRowView[]> {
    return this.decide('reset', decision);
  }

  // All or nothing: every row is checked before any changes; a row changed concurrently after the check keeps the
  // other writer's state (its transition is conditional) and is returned as it is.
  private async decide(verb: Verb, decision: Decision): Promise<ReconciliationRowView[]> {
    const ids = [...new Set(decision.ids)];
    const rows = new Map((await this.rows.byIds(ids)).map((r) => [r._id, r]));
    const missing = ids.filter((id) => !rows.has(id));
    if (missing.length > 0) {
      throw new AppError(
        'RECONCILE.ROW_NOT_FOUND',
        `No reconciliation row ${missing.join(', ')}`,
        missing.map((id) => ({ path: `ids.${decision.ids.indexOf(id)}`, message: `no row ${id}` })),
      );
    }
    const invalid = ids
      .map((id) => rows.get(id) as RowDoc)
      .map((row) => ({ row, why: whyNot(verb, row) }))
      .filter((x) => x.why !== null);
    if (invalid.length > 0) {
      throw new AppError(
        'RECONCILE.ROW_INVALID_STATE',
        `Cannot ${verb}: ${invalid.map((x) => `${x.row._id} ${x.why ?? ''}`).join('; ')}`,
        invalid.map((x) => ({ path: `ids.${decision.ids.indexOf(x.row._id)}`, message: x.why ?? '' })),
      );
    }
    const out: RowDoc[] = [];
    const toPush: string[] = [];
    const effectiveDate =
      verb === 'approve' && !decision.effectiveDate ? await this.settings.defaultEffectiveDate() : null;
    for (const id of ids) {
      const row = rows.get(id) as RowDoc;
      const updated = await this.rowChanges.update(
        row,
        this.changes(verb, row, decision, effectiveDate),
        (after) => [
          {
            actor: decision.actor,
            action: `row.${verb}`,
            targetKind: 'row',
            targetId: id,
            accountId: row.accountId,
            note: decision.note,
            details: {
              from: row.state,
              to: after.state,
              vendorQuantity: row.vendorQuantity,
              psaQuantity: row.psaQuantity,
              ...(after.effectiveDate ? { effectiveDate: new Date(after.effectiveDate).toISOString() } : {}),
              ...(verb === 'approve' && after.approved ? { approved: after.approved } : {}),
            },
          },
        ],
        FROM[verb],
      );
      if (!updated) {
        const current = await this.rows.findById(id);
        if (current) out.push(current);
        continue;
      }
      if (verb === 'approve' && isPushed(updated.connectionKind)) toPush.push(id);
      out.push(updated);
    }
    this.push.enqueue(toPush);
    return this.viewer.views(out);
  }

  // `defaultDate`: the settings' effective date for an approval that names none.
  private changes(verb: Verb, row: RowDoc, decision: Decision, defaultDate: Date | null): Partial<RowDoc> {
    const now = this.clock.now();
    const decided = { decidedBy: decision.actor, decidedAt: now, updatedAt: now, note: decision.note ?? null };
    if (verb === 'dismiss') return { ...decided, state: 'dismissed' };
    if (verb === 'reset') {
      return { ...decided, state: 'pending', lastError: null, effectiveDate: null, appliedAt: null, approved: null };
    }
    const imported = row.connectionKind === 'import';
    const effectiveDate = decision.effectiveDate ? new Date(decision.effectiveDate) : defaultDate;
    return {
      ...decided,
      state: 'approved',
      lastError: null,
      pushLeaseUntil: new Date(0),
      pushToken: null,
      approved: freeze(row, effectiveDate),
      effectiveDate,
      note: imported ? [decision.note, IMPORT_NOTE].filter(Boolean).join(' | ') : decided.note,
    };
  }
}

function whyNot(verb: Verb, row: RowDoc): string | null {
  if (verb === 'approve' && row.type === 'unmapped') return 'is unmapped (map the account and its SKU first)';
  if (verb === 'approve' && row.state === 'applied') return 'is already applied (nothing to push)';
  if (verb === 'approve' && isPushed(row.connectionKind) && row.psaQuantity === 0 && row.agreementId === null) {
    return `is not billed yet and its company ${AGREEMENT_ISSUES[row.agreementIssue ?? 'no_active_agreement']}`;
  }
  if (verb === 'reset' && row.state === 'approved' && isPushed(row.connectionKind)) {
    return 'is being pushed to the PSA';
  }
  return FROM[verb].includes(row.state) ? null : `is ${row.state}`;
}
