import { Button, Group, Paper, Text } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { VERB_LABELS, type Verb, verbsFor } from './decision-rules';
import type { ReconciliationRow } from './row-labels';

// Decisions on the selected rows; only those every selected row allows (decisions are all or none).
export function BulkToolbar({
  selected,
  onDecide,
  onClear,
}: {
  selected: readonly ReconciliationRow[];
  onDecide: (verb: Verb) => void;
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const verbs = verbsFor(selected);
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
            {verbs.map((verb) => (
              <Button
                key={verb}
                size="xs"
                variant={verb === 'approve' ? 'filled' : 'default'}
                onClick={() => onDecide(verb)}
              >
                {VERB_LABELS[verb]}
              </Button>
            ))}
            <Button size="xs" variant="subtle" onClick={onClear}>
              Clear selection
            </Button>
          </Group>
        </Group>
      </Paper>
    </AdminOnly>
  );
}
