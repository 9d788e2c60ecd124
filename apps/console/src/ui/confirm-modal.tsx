import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/problem';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  // What will happen, in words the user can check before confirming.
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  // The mutation's failure, shown in the dialog so the user sees why nothing changed.
  error?: unknown;
  color?: string;
}

// A destructive or lasting action asks first: nothing is sent until the confirm button is pressed.
export function ConfirmModal(props: Props) {
  const { opened, onClose, title, children, confirmLabel, onConfirm, pending = false, error, color = 'red' } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
        {error !== undefined && error !== null && (
          <Alert color="red" role="alert" title="Not done">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {errorMessage(error)}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
