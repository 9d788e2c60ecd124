import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface Props {
  // What is deleted, named in the button and the dialog ("integration", "PSA connection").
  what: string;
  name: string;
  consequence: ReactNode;
  pending: boolean;
  onConfirm: (done: () => void) => void;
}

// Delete, only after a dialog naming what goes: nothing is sent until the user confirms.
export function ConfirmDeleteButton({ what, name, consequence, pending, onConfirm }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" size="xs" onClick={open} aria-label={`Delete ${what} ${name}`}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title={`Delete ${what} “${name}”?`}>
        <Stack gap="md">
          <Text size="sm">{consequence}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={pending}
              onClick={() => {
                onConfirm(close);
              }}
            >
              Delete {what}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
