import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../api/problem';
import { fieldErrors } from './field-errors';
import { PsaConnectionFields, PsaKindChoice } from './psa-connection-fields';
import { changesOf, DRAFT_FIELDS, draftOf, emptyDraft, inputOf, type PsaDraft } from './psa-drafts';
import { PSA_KIND_LABELS, type SyncedConnection } from './psa-kinds';
import { useCreatePsaConnection, useUpdatePsaConnection } from './psa-queries';

export function ConnectPsaButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" onClick={open}>
        Connect PSA
      </Button>
      {/* Mounted only while open, so each opening starts from an empty form. */}
      {opened && <CreateModal onClose={close} />}
    </>
  );
}

// Connections to a PSA can be edited; an import is changed by importing again.
export function EditPsaButton({ connection }: { connection: SyncedConnection }) {
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
  const [draft, setDraft] = useState<PsaDraft>(() => emptyDraft('connectwise'));
  const create = useCreatePsaConnection();
  const label = PSA_KIND_LABELS[draft.kind];
  const save = () => {
    create.mutate(inputOf(draft), {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: `${label} connected`,
          message: `${saved.name}: first sync started`,
        });
        onClose();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: `Could not connect ${label}`, message: errorMessage(error) }),
    });
  };
  return (
    <ConnectionModal
      title={`Connect ${label}`}
      error={create.error}
      pending={create.isPending}
      submitLabel="Connect"
      onSubmit={save}
      onClose={onClose}
    >
      <PsaKindChoice draft={draft} onChange={setDraft} />
      <PsaConnectionFields draft={draft} onChange={setDraft} errors={fieldErrors(create.error, DRAFT_FIELDS)} />
    </ConnectionModal>
  );
}

function EditModal({ connection, onClose }: { connection: SyncedConnection; onClose: () => void }) {
  const [draft, setDraft] = useState<PsaDraft>(() => draftOf(connection));
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
      error={update.error}
      pending={update.isPending}
      submitLabel={unchanged ? 'Check credentials again' : 'Save'}
      onSubmit={save}
      onClose={onClose}
    >
      <PsaConnectionFields
        draft={draft}
        onChange={setDraft}
        errors={fieldErrors(update.error, DRAFT_FIELDS)}
        secretOptional
      />
    </ConnectionModal>
  );
}

interface ModalProps {
  title: string;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

function ConnectionModal(props: ModalProps) {
  const { error } = props;
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
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
            <Button type="submit" loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
