import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type SyntheticEvent, useState } from 'react';
import { errorMessage } from '../../api/problem';
import { type ApiKeyRole, useCreateApiKey } from './api-keys-queries';
import { NewKeyModal } from './new-key-modal';
import { ROLE_OPTIONS } from './role-labels';

const NAME_MAX = 100;

// "New API key": a small form, then the key itself in a dialog that shows it this once.
export function CreateApiKey() {
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiKeyRole>('viewer');
  const create = useCreateApiKey();

  const closeForm = () => {
    close();
    setName('');
    setRole('viewer');
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (created) => {
          closeForm();
          notifications.show({
            color: 'green',
            title: 'API key created',
            message: `${created.name} (${created.role})`,
          });
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: 'API key not created', message: errorMessage(error) }),
      },
    );
  };

  return (
    <>
      <Button onClick={open}>New API key</Button>
      <Modal opened={opened} onClose={closeForm} title="New API key" centered>
        <form onSubmit={submit}>
          <Stack>
            <TextInput
              label="Name"
              description="Who or what uses the key, e.g. billing-export or Jane Doe"
              required
              maxLength={NAME_MAX}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-autofocus
            />
            <Select<ApiKeyRole>
              label="Role"
              data={ROLE_OPTIONS}
              value={role}
              onChange={(next) => setRole(next ?? 'viewer')}
              allowDeselect={false}
            />
            {create.isError && (
              <Alert color="red" role="alert" title="Not created">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {errorMessage(create.error)}
                </Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeForm}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {create.data && <NewKeyModal created={create.data} onClose={() => create.reset()} />}
    </>
  );
}
