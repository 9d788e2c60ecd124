import { ActionIcon, Menu, Text } from '@mantine/core';
import { useId } from 'react';
import { AdminOnly } from '../../session/admin-only';
import { approveBlockedReason, canDecide, type RowAction, VERB_LABELS, VERBS } from './decision-rules';
import { isMuted, type ReconciliationRow, rowName } from './row-labels';

// A row's own actions: the decisions its state allows, mute or unmute, and its note; absent for viewers.
export function RowActionsMenu({ row, onAction }: { row: ReconciliationRow; onAction: (action: RowAction) => void }) {
  const verbs = VERBS.filter((verb) => canDecide(verb, row));
  const blocked = approveBlockedReason(row);
  return (
    <AdminOnly>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={`Actions for ${rowName(row)}`}>
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {blocked !== null && <BlockedApprove reason={blocked} />}
          {verbs.map((verb) => (
            <Menu.Item key={verb} onClick={() => onAction(verb)}>
              {VERB_LABELS[verb]}
            </Menu.Item>
          ))}
          {(verbs.length > 0 || blocked !== null) && <Menu.Divider />}
          {isMuted(row) ? (
            <Menu.Item onClick={() => onAction('unmute')}>Unmute</Menu.Item>
          ) : (
            <Menu.Item onClick={() => onAction('mute')}>Mute…</Menu.Item>
          )}
          <Menu.Item onClick={() => onAction('note')}>Edit note…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </AdminOnly>
  );
}

// Approve, shown but disabled, with the reason the API would refuse it.
function BlockedApprove({ reason }: { reason: string }) {
  const id = useId();
  return (
    <>
      <Menu.Item disabled aria-describedby={id}>
        {VERB_LABELS.approve}
      </Menu.Item>
      <Text id={id} size="xs" c="dimmed" px="sm" pb={4} maw={260}>
        {reason}
      </Text>
    </>
  );
}
