import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type AlertChannel, useCreateChannel, useUpdateChannel } from './alerts-queries';
import {
  type ChannelDraft,
  channelChangesOf,
  channelDraftComplete,
  channelFieldErrors,
  draftOfChannel,
  emptyChannelDraft,
  newChannelOf,
} from './channel-draft';
import { ChannelFields } from './channel-fields';
import { FormModal } from '../../ui/form-modal';

export function NewChannelButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" onClick={open}>
        New channel
      </Button>
      {/* Mounted only while open, so each opening starts from an empty form (and no typed secret stays). */}
      {opened && <CreateChannelModal onClose={close} />}
    </>
  );
}

export function EditChannelButton({ channel }: { channel: AlertChannel }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={open} aria-label={`Edit channel ${channel.name}`}>
        Edit
      </Button>
      {opened && <EditChannelModal channel={channel} onClose={close} />}
    </>
  );
}

function CreateChannelModal({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<ChannelDraft>(() => emptyChannelDraft());
  const create = useCreateChannel();
  const save = () =>
    create.mutate(newChannelOf(draft), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: 'Channel added', message: saved.name });
        onClose();
      },
    });
  return (
    <FormModal
      title="New alert channel"
      submitLabel="Add channel"
      canSubmit={channelDraftComplete(draft, false)}
      pending={create.isPending}
      error={create.error}
      onSubmit={save}
      onClose={onClose}
    >
      <ChannelFields draft={draft} onChange={setDraft} errors={channelFieldErrors(create.error, draft)} />
    </FormModal>
  );
}

function EditChannelModal({ channel, onClose }: { channel: AlertChannel; onClose: () => void }) {
  const [draft, setDraft] = useState<ChannelDraft>(() => draftOfChannel(channel));
  const update = useUpdateChannel(channel.id);
  const save = () =>
    update.mutate(channelChangesOf(draft), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', title: 'Channel saved', message: saved.name });
        onClose();
      },
    });
  return (
    <FormModal
      title={`Edit channel “${channel.name}”`}
      submitLabel="Save"
      canSubmit={channelDraftComplete(draft, true)}
      pending={update.isPending}
      error={update.error}
      onSubmit={save}
      onClose={onClose}
    >
      <ChannelFields
        draft={draft}
        onChange={setDraft}
        errors={channelFieldErrors(update.error, draft)}
        secretSet={channel.secretSet}
        editing
      />
    </FormModal>
  );
}
