import { AGREEMENT_ISSUE_LABELS, needsAgreement, type ReconciliationRow, type RowState } from './row-labels';

export const VERBS = ['approve', 'dismiss', 'reset'] as const;
export type Verb = (typeof VERBS)[number];

export const VERB_LABELS: Record<Verb, string> = { approve: 'Approve', dismiss: 'Dismiss', reset: 'Reset' };
export const VERB_DONE: Record<Verb, string> = { approve: 'Approved', dismiss: 'Dismissed', reset: 'Reset' };

// The states each decision starts from, as apps/reconcile's DecisionsService allows them. Approving a failed row
// is the retry and a dismissed one may be approved after all. Resetting an approved row works for import
// connections only (a ConnectWise row is being pushed): the row view does not say which, so it is offered and
// the API's refusal explains when it does not apply.
const FROM: Record<Verb, readonly RowState[]> = {
  approve: ['pending', 'failed', 'dismissed'],
  dismiss: ['pending', 'failed'],
  reset: ['dismissed', 'failed', 'applied', 'approved'],
};

type Decidable = Pick<ReconciliationRow, 'state' | 'type'> & Partial<Pick<ReconciliationRow, 'agreementIssue'>>;

export function canDecide(verb: Verb, row: Decidable): boolean {
  // An unmapped row has nothing to push: map its account and SKU first. A new line needs its agreement.
  if (verb === 'approve' && (row.type === 'unmapped' || needsAgreement(row))) return false;
  return FROM[verb].includes(row.state);
}

// Why a row whose state allows approving cannot be approved yet (the API refuses it), or null.
export function approveBlockedReason(row: Decidable): string | null {
  if (!FROM.approve.includes(row.state) || !needsAgreement(row) || !row.agreementIssue) return null;
  return `${AGREEMENT_ISSUE_LABELS[row.agreementIssue]}: choose the agreement for new lines in Mapping first.`;
}

// Decisions are all or none, so a bulk action is offered only when every selected row allows it.
export function verbsFor(rows: readonly Decidable[]): Verb[] {
  if (rows.length === 0) return [];
  return VERBS.filter((verb) => rows.every((row) => canDecide(verb, row)));
}

// Everything an admin can do to rows: the decisions, muting, and a row's note.
export type RowAction = Verb | 'mute' | 'unmute' | 'note';
