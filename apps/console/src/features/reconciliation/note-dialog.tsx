import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../../ui/confirm-modal';
import { type ReconciliationRow, rowName } from './row-labels';
import { useRowNote } from './use-row-notes';

// A row's note, changed without deciding anything. Mounted per use, so the draft starts from the row's note.
export function NoteDialog({ row, onClose }: { row: ReconciliationRow; onClose: () => void }) {
  const save = useRowNote(row.id);
  const [note, setNote] = useState(row.note ?? '');
  const trimmed = note.trim();
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={`Note for ${rowName(row)}`}
      confirmLabel={trimmed === '' && row.note !== null ? 'Clear note' : 'Save note'}
      onConfirm={() => save.mutate(trimmed, { onSuccess: onClose })}
      pending={save.isPending}
      error={save.error}
      color="blue"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Kept with the row and in the audit log; an empty note clears it.
        </Text>
        <Textarea
          label="Note"
          maxLength={2000}
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
      </Stack>
    </ConfirmModal>
  );
}
