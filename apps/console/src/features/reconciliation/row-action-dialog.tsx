import { useState } from 'react';
import { DecisionModal } from './decision-modal';
import type { RowAction } from './decision-rules';
import { MuteDialog } from './mute-dialog';
import { NoteDialog } from './note-dialog';
import type { ReconciliationRow } from './row-labels';
import { useMuteRows } from './use-row-notes';

// An action waiting for its dialog: the rows it was asked for, as they were then.
export interface PendingAction {
  action: Exclude<RowAction, 'unmute'>;
  rows: readonly ReconciliationRow[];
}

// Starts row actions: unmuting needs no confirmation (it is undone by muting again); the others open their
// dialog. `onDone` runs after any of them succeeded (the page clears its selection).
export function useRowActions(onDone: () => void) {
  const [pending, setPending] = useState<PendingAction | null>(null);
  const mute = useMuteRows();
  const start = (action: RowAction, rows: readonly ReconciliationRow[]) => {
    if (action === 'unmute') {
      mute.mutate({ ids: rows.map((row) => row.id), days: 0 }, { onSuccess: onDone });
    } else {
      setPending({ action, rows });
    }
  };
  return { pending, start, close: () => setPending(null) };
}

// The dialog of the pending action; each is mounted per use, so its drafts start fresh.
export function RowActionDialog({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const ids = pending.rows.map((row) => row.id);
  const done = () => {
    onClose();
    onDone();
  };
  switch (pending.action) {
    case 'mute':
      return <MuteDialog ids={ids} onClose={onClose} onDone={done} />;
    case 'note': {
      const [row] = pending.rows;
      return row ? <NoteDialog row={row} onClose={onClose} /> : null;
    }
    case 'approve':
    case 'dismiss':
    case 'reset':
      return <DecisionModal decision={{ verb: pending.action, ids }} onClose={onClose} onDone={done} />;
  }
}
