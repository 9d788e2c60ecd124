import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { FormModal } from '../../ui/form-modal';
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
    <FormModal
      title={`Connect ${label}`}
      error={create.error}
      pending={create.isPending}
      submitLabel="Connect"
      onSubmit={save}
      onClose={onClose}
    >
      <PsaKindChoice draft={draft} onChange={setDraft} />
      <PsaConnectionFields draft={draft} onChange={setDraft} errors={fieldErrors(create.error, DRAFT_FIELDS)} />
    </FormModal>
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
    <FormModal
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
    </FormModal>
  );
}
