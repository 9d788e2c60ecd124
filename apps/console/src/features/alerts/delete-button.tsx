import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ConfirmModal } from '../../ui/confirm-modal';

interface Mutation {
  mutate: (variables: undefined, callbacks: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

interface Props {
  // "rule" or "channel", and its name: in the button's accessible name and the dialog.
  what: string;
  name: string;
  consequence: string;
  mutation: Mutation;
}

// Delete, only after a dialog naming what goes and what follows; a failure shows in the dialog.
export function DeleteButton({ what, name, consequence, mutation }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const dismiss = () => {
    close();
    mutation.reset();
  };
  const confirm = () =>
    mutation.mutate(undefined, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'green', title: `Deleted ${what}`, message: name });
      },
    });
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={open} aria-label={`Delete ${what} ${name}`}>
        Delete
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={dismiss}
        title={`Delete ${what} “${name}”?`}
        confirmLabel={`Delete ${what}`}
        onConfirm={confirm}
        pending={mutation.isPending}
        error={mutation.error}
      >
        {consequence}
      </ConfirmModal>
    </>
  );
}
