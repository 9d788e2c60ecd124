import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type SyntheticEvent, useState } from 'react';
import { errorMessage } from '../../api/problem';
import { type ServiceDetail, useMergeService, useMergeTargets } from './saas-queries';

// Merge a service into another of the same account (two names of one application): its users and sign-ins
// count towards the other one from then on.
export function MergeService({ service }: { service: ServiceDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" onClick={open}>
        Merge into…
      </Button>
      {opened && <MergeModal service={service} onClose={close} />}
    </>
  );
}

function MergeModal({ service, onClose }: { service: ServiceDetail; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const targets = useMergeTargets(service.accountId, debounced);
  const [intoId, setIntoId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const merge = useMergeService(service.id);
  const data = (targets.data?.items ?? [])
    .filter((t) => t.id !== service.id && t.mergedInto === null)
    .map((t) => ({ value: t.id, label: t.name }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (intoId === null) return;
    const into = data.find((t) => t.value === intoId)?.label ?? intoId;
    merge.mutate(
      { intoId, ...(note.trim() === '' ? {} : { note: note.trim() }) },
      {
        onSuccess: () => {
          onClose();
          notifications.show({ color: 'green', title: 'Services merged', message: `${service.name} → ${into}` });
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Not merged', message: errorMessage(error) }),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Merge ${service.name} into another service`} centered>
      <form onSubmit={submit}>
        <Stack>
          <Select
            label="Merge into"
            placeholder="Search this account's services"
            data={data}
            value={intoId}
            onChange={setIntoId}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={targets.isFetching ? 'Searching…' : 'No other service found'}
            error={targets.isError ? errorMessage(targets.error) : undefined}
            required
            data-autofocus
          />
          <Textarea
            label="Note"
            placeholder="Why (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {merge.isError && (
            <Alert color="red" role="alert" title="Not merged">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {errorMessage(merge.error)}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={intoId === null} loading={merge.isPending}>
              Merge
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
