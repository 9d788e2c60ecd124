import type { SyncRunUpdatedEvent } from '@seatwise/shared/contracts/reconcile-events';
import type { SyncRunView } from '@seatwise/shared/contracts/reconcile-views';
import type { SyncRunDoc } from './sync-run.repository';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toRunView(doc: SyncRunDoc): SyncRunView {
  return {
    id: doc._id,
    connectionId: doc.connectionId,
    kind: doc.kind,
    state: doc.state,
    trigger: doc.trigger,
    requestedBy: doc.requestedBy,
    requestedAt: new Date(doc.requestedAt).toISOString(),
    startedAt: iso(doc.startedAt),
    finishedAt: iso(doc.finishedAt),
    error: doc.error
      ? { code: doc.error.code, message: doc.error.message, at: new Date(doc.error.at).toISOString() }
      : null,
    counts: doc.counts,
    revision: doc.revision,
  };
}

// What reconcile.sync-run.updated announces of a stored run.
export function toRunEvent(doc: SyncRunDoc, at: Date): SyncRunUpdatedEvent {
  return {
    runId: doc._id,
    connectionId: doc.connectionId,
    kind: doc.kind,
    state: doc.state,
    requestedAt: new Date(doc.requestedAt).toISOString(),
    startedAt: iso(doc.startedAt),
    finishedAt: iso(doc.finishedAt),
    error: doc.error ? { code: doc.error.code, message: doc.error.message } : null,
    revision: doc.revision,
    at: at.toISOString(),
  };
}
