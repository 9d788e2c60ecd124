import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { ConfirmModal } from '../../ui/confirm-modal';
import { type ServiceDetail, useIgnoreService } from './saas-queries';

// Ignoring takes a service off the work list of services to match (the API has no un-ignore; only a later
// match makes it known again), so it asks first.
export function IgnoreService({ service }: { service: ServiceDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [note, setNote] = useState('');
  const ignore = useIgnoreService(service.id);

  const dismiss = () => {
    close();
    setNote('');
    ignore.reset();
  };

  const confirm = () =>
    ignore.mutate(note.trim() === '' ? {} : { note: note.trim() }, {
      onSuccess: () => {
        dismiss();
        notifications.show({ color: 'green', title: 'Service ignored', message: service.name });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not ignored', message: errorMessage(error) }),
    });

  return (
    <>
      <Button variant="light" color="gray" onClick={open}>
        Ignore
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={dismiss}
        title={`Ignore ${service.name}?`}
        confirmLabel="Ignore service"
        onConfirm={confirm}
        pending={ignore.isPending}
        error={ignore.error}
      >
        <Stack gap="sm">
          <Text size="sm">
            The service is marked ignored and leaves the list of services to match; its sign-ins are still recorded.
            Only matching it to a catalog product later makes it known again.
          </Text>
          <TextInput
            label="Note"
            placeholder="Why (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Stack>
      </ConfirmModal>
    </>
  );
}
