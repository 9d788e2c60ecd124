import { Alert, Button, Group, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ChangeEvent, useState } from 'react';
import { errorMessage } from '../../api/problem';
import { fieldErrors } from './field-errors';
import {
  type PsaConnection,
  type PsaConnectionChanges,
  useCreatePsaConnection,
  useUpdatePsaConnection,
} from './psa-queries';

const FIELDS = ['name', 'siteUrl', 'companyId', 'publicKey', 'privateKey', 'clientId'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

const LABELS: Record<Field, string> = {
  name: 'Name',
  siteUrl: 'Site URL',
  companyId: 'Company id',
  publicKey: 'Public key',
  privateKey: 'Private key',
  clientId: 'Client id',
};

const PLACEHOLDERS: Partial<Record<Field, string>> = { siteUrl: 'https://na.myconnectwise.net' };

export function ConnectPsaButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" onClick={open}>
        Connect ConnectWise
      </Button>
      {opened && <CreateModal onClose={close} />}
    </>
  );
}

export function EditPsaButton({ connection }: { connection: PsaConnection }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" size="xs" onClick={open} aria-label={`Edit PSA connection ${connection.name}`}>
        Edit
      </Button>
      {/* Mounted only while open, so each opening starts from the connection as stored. */}
      {opened && <EditModal connection={connection} onClose={close} />}
    </>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    name: '',
    siteUrl: '',
    companyId: '',
    publicKey: '',
    privateKey: '',
    clientId: '',
  });
  const create = useCreatePsaConnection();
  const save = () => {
    create.mutate(
      { kind: 'connectwise', ...draft },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: 'ConnectWise connected',
            message: `${saved.name}: first sync started`,
          });
          onClose();
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Could not connect ConnectWise', message: errorMessage(error) }),
      },
    );
  };
  return (
    <ConnectionModal
      title="Connect ConnectWise"
      draft={draft}
      onChange={setDraft}
      error={create.error}
      pending={create.isPending}
      submitLabel="Connect"
      onSubmit={save}
      onClose={onClose}
    />
  );
}

function EditModal({ connection, onClose }: { connection: PsaConnection; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    name: connection.name,
    siteUrl: connection.siteUrl ?? '',
    companyId: connection.companyId ?? '',
    publicKey: connection.publicKey ?? '',
    privateKey: '',
    clientId: connection.clientId ?? '',
  });
  const update = useUpdatePsaConnection(connection.id);
  const changes = changesOf(connection, draft);
  const unchanged = Object.keys(changes).length === 0;
  // Unchanged, the stored credentials are checked again: the API wants at least one field and checks on any.
  const save = () => {
    update.mutate(unchanged ? { name: connection.name } : changes, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: 'PSA connection saved', message: saved.name });
        onClose();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not save the connection', message: errorMessage(error) }),
    });
  };
  return (
    <ConnectionModal
      title={`Edit “${connection.name}”`}
      draft={draft}
      onChange={setDraft}
      error={update.error}
      pending={update.isPending}
      submitLabel={unchanged ? 'Check credentials again' : 'Save'}
      onSubmit={save}
      onClose={onClose}
      privateKeyOptional
    />
  );
}

interface ModalProps {
  title: string;
  draft: Draft;
  onChange: (draft: Draft) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  // The private key is write-only: on edit, empty keeps the stored one.
  privateKeyOptional?: boolean;
}

function ConnectionModal(props: ModalProps) {
  const { draft, onChange, error, privateKeyOptional = false } = props;
  const errors = fieldErrors(error, FIELDS);
  const input = (field: Field) => ({
    label: LABELS[field],
    placeholder: PLACEHOLDERS[field],
    value: draft[field],
    error: errors[field],
    required: field !== 'privateKey' || !privateKeyOptional,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      onChange({ ...draft, [field]: event.currentTarget.value });
    },
  });
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            An API member&apos;s keys (ConnectWise: System, Members, API Members) and your developer client id.
          </Text>
          <TextInput {...input('name')} />
          <TextInput {...input('siteUrl')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...input('companyId')} />
            <TextInput {...input('clientId')} />
            <TextInput {...input('publicKey')} />
            <PasswordInput
              {...input('privateKey')}
              autoComplete="off"
              description={privateKeyOptional ? 'Leave empty to keep the stored key' : undefined}
            />
          </SimpleGrid>
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
            <Button type="submit" loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// Only the fields the user changed; the private key only when a new one was typed.
function changesOf(connection: PsaConnection, draft: Draft): PsaConnectionChanges {
  const changes: PsaConnectionChanges = {};
  for (const field of ['name', 'siteUrl', 'companyId', 'publicKey', 'clientId'] as const) {
    if (draft[field].trim() !== (connection[field] ?? '')) changes[field] = draft[field];
  }
  if (draft.privateKey !== '') changes.privateKey = draft.privateKey;
  return changes;
}
