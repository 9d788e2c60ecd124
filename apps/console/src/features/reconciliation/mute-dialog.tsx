import { Group, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../../ui/confirm-modal';
import { rowsWord } from './invalidate-rows';
import { daysWord, useMuteRows } from './use-row-notes';

const PRESETS = ['7', '30', '90'] as const;
const OTHER = 'other';
// The API's bounds (0 unmutes, which has its own action).
const MAX_DAYS = 365;

// Mute rows for 7, 30 or 90 days or a number of the user's, with an optional note. Mounted per use, so its
// drafts start fresh each time.
export function MuteDialog({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: () => void }) {
  const mute = useMuteRows();
  const [choice, setChoice] = useState<string>('30');
  const [custom, setCustom] = useState<string | number>('');
  const [note, setNote] = useState('');
  const days = choice === OTHER ? Number(custom) : Number(choice);
  const valid = Number.isInteger(days) && days >= 1 && days <= MAX_DAYS;
  const title = `Mute ${rowsWord(ids.length)}`;

  const confirm = () => {
    if (!valid) return;
    const trimmed = note.trim();
    mute.mutate({ ids, days, ...(trimmed ? { note: trimmed } : {}) }, { onSuccess: onDone });
  };

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={title}
      confirmLabel={valid ? `Mute for ${daysWord(days)}` : title}
      onConfirm={confirm}
      pending={mute.isPending}
      error={mute.error}
      color="gray"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Muted rows leave the review list (unless Show muted is on) until the time is up. Nothing changes in the PSA.
        </Text>
        <Radio.Group label="Mute for" value={choice} onChange={setChoice}>
          <Group gap="lg" mt="xs">
            {PRESETS.map((preset) => (
              <Radio key={preset} value={preset} label={`${preset} days`} />
            ))}
            <Radio value={OTHER} label="Other" />
          </Group>
        </Radio.Group>
        {choice === OTHER && (
          <NumberInput
            label="Days"
            min={1}
            max={MAX_DAYS}
            allowDecimal={false}
            allowNegative={false}
            value={custom}
            onChange={setCustom}
            error={custom !== '' && !valid ? `Between 1 and ${MAX_DAYS} days` : null}
            data-autofocus
          />
        )}
        <Textarea
          label="Note"
          description="Why, kept in the audit log"
          maxLength={2000}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Stack>
    </ConfirmModal>
  );
}
