import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/problem';

interface Props {
  title: string;
  submitLabel: string;
  // false: the button is disabled and Enter sends nothing (required fields still empty). Default true.
  canSubmit?: boolean;
  pending: boolean;
  // The mutation's failure: field errors also show beside their fields, the problem's detail here.
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

// A dialog around a form that sends on Enter or its button and stays open on failure (PSA connections, alert rules
// and channels).
export function FormModal(props: Props) {
  const { error } = props;
  const canSubmit = props.canSubmit ?? true;
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canSubmit) props.onSubmit();
        }}
      >
        <Stack gap="sm">
          {props.children}
          {error !== null && error !== undefined && (
            <Alert color="red" title="Not saved" role="alert">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {errorMessage(error)}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={props.pending} disabled={!canSubmit}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
