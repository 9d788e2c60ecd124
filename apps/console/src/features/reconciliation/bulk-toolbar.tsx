import { Button, Group, Paper, Text } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { approveBlockedReason, type RowAction, VERB_LABELS, verbsFor } from './decision-rules';
import { rowsWord } from './invalidate-rows';
import { isMuted, type ReconciliationRow } from './row-labels';

// Actions on the selected rows; only the decisions every selected row allows (decisions are all or none).
export function BulkToolbar({
  selected,
  onAction,
  onClear,
}: {
  selected: readonly ReconciliationRow[];
  onAction: (action: RowAction) => void;
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const verbs = verbsFor(selected);
  const needAgreement = selected.filter((row) => approveBlockedReason(row) !== null).length;
  return (
    <AdminOnly>
      <Paper withBorder p="xs" mb="sm" role="toolbar" aria-label="Selected rows">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600}>
            {selected.length} selected
          </Text>
          <Group gap="xs" wrap="wrap">
            {verbs.length === 0 && (
              <Text size="sm" c="dimmed">
                No decision applies to every selected row
              </Text>
            )}
            {needAgreement > 0 && (
              <Text size="sm" c="dimmed">
                {rowsWord(needAgreement)} {needAgreement === 1 ? 'needs' : 'need'} an agreement chosen in Mapping before
                approval
              </Text>
            )}
            {verbs.map((verb) => (
              <Button
                key={verb}
                size="xs"
                variant={verb === 'approve' ? 'filled' : 'default'}
                onClick={() => onAction(verb)}
              >
                {VERB_LABELS[verb]}
              </Button>
            ))}
            <Button size="xs" variant="default" onClick={() => onAction('mute')}>
              Mute…
            </Button>
            {selected.every((row) => isMuted(row)) && (
              <Button size="xs" variant="default" onClick={() => onAction('unmute')}>
                Unmute
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={onClear}>
              Clear selection
            </Button>
          </Group>
        </Group>
      </Paper>
    </AdminOnly>
  );
}
