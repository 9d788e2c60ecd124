import { ActionIcon, Menu } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { canDecide, VERB_LABELS, VERBS, type Verb } from './decision-rules';
import { type ReconciliationRow, rowName } from './row-labels';

// A row's own decisions, only those its state allows; absent for viewers.
export function RowActionsMenu({ row, onDecide }: { row: ReconciliationRow; onDecide: (verb: Verb) => void }) {
  const verbs = VERBS.filter((verb) => canDecide(verb, row));
  if (verbs.length === 0) return null;
  return (
    <AdminOnly>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={`Actions for ${rowName(row)}`}>
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {verbs.map((verb) => (
            <Menu.Item key={verb} onClick={() => onDecide(verb)}>
              {VERB_LABELS[verb]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </AdminOnly>
  );
}
