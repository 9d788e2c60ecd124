import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ConfirmModal } from '../../ui/confirm-modal';
import { VERB_LABELS, type Verb } from './decision-rules';
import { type DecisionInput, useDecision } from './use-decision';
import { DEFAULT_DATE_LABELS, useReconcileSettings } from './use-reconcile-settings';

export interface PendingDecision {
  verb: Verb;
  ids: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const DESCRIPTIONS: Record<Verb, string> = {
  approve:
    'Each row is pushed to the PSA (ConnectWise, Autotask, HaloPSA) or recorded as decided (import connections).',
  dismiss: 'The rows stay as they are in the PSA and leave the review queue until reset.',
  reset: 'The rows return to pending, their decision and last error cleared.',
};

const COLORS: Record<Verb, string> = { approve: 'blue', dismiss: 'gray', reset: 'orange' };

// The confirmation of a decision, with a note and, to approve, the date the new quantity takes effect.
// Mounted per decision, so its drafts start fresh each time.
export function DecisionModal({
  decision,
  onClose,
  onDone,
}: {
  decision: PendingDecision;
  onClose: () => void;
  onDone: () => void;
}) {
  const mutation = useDecision();
  const [note, setNote] = useState('');
  // Empty: the API applies the MSP's default (the setting on this page), which the field's help names.
  const [date, setDate] = useState('');
  const { verb, ids } = decision;
  const dateError = verb === 'approve' && date !== '' && !DATE.test(date) ? 'Enter a date as YYYY-MM-DD' : null;
  const title = `${VERB_LABELS[verb]} ${ids.length === 1 ? '1 row' : `${ids.length} rows`}`;

  const confirm = () => {
    if (dateError !== null) return;
    const input: DecisionInput = { verb, ids, ...(note.trim() ? { note: note.trim() } : {}) };
    // The effective date is a calendar day: sent as that day's start in UTC, whatever the user's zone.
    if (verb === 'approve' && date !== '') input.effectiveDate = `${date}T00:00:00.000Z`;
    mutation.mutate(input, { onSuccess: onDone });
  };

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={title}
      confirmLabel={title}
      onConfirm={confirm}
      pending={mutation.isPending}
      error={mutation.error}
      color={COLORS[verb]}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {DESCRIPTIONS[verb]}
        </Text>
        {verb === 'approve' && <EffectiveDateInput value={date} onChange={setDate} error={dateError} />}
        <Textarea
          label="Note"
          description="Kept with the decision and in the audit log"
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

// When the new quantity applies in the PSA; left empty, the default setting decides.
function EffectiveDateInput(props: { value: string; onChange: (value: string) => void; error: string | null }) {
  const settings = useReconcileSettings();
  const fallback = settings.data
    ? DEFAULT_DATE_LABELS[settings.data.defaultEffectiveDate].toLowerCase()
    : 'the default effective date';
  return (
    <TextInput
      type="date"
      label="Effective date"
      description={`When the new quantity applies in the PSA. Left empty: ${fallback} (the default).`}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
    />
  );
}
