import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

// Asks for an optional note before leaving a record out of reconciliation.
export function ExcludeDialog({
  subject,
  pending,
  onCancel,
  onConfirm,
}: {
  // The record being excluded, or null when the dialog is closed.
  subject: string | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  // A new subject starts with an empty note; a failed attempt keeps what was typed.
  const [noteFor, setNoteFor] = useState(subject);
  if (noteFor !== subject) {
    setNoteFor(subject);
    setNote('');
  }
  return (
    <Modal opened={subject !== null} onClose={onCancel} title={`Exclude ${subject ?? ''}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(note);
        }}
      >
        <Stack>
          <Text size="sm">An excluded record is left out of reconciliation until it is unmapped again.</Text>
          <Textarea
            label="Note (optional)"
            description="Why it is excluded, for the audit log"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={pending}>
              Exclude
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
