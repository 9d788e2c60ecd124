import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type SyntheticEvent, useState } from 'react';
import { errorMessage } from '../../api/problem';
import { type ServiceDetail, useCatalogSearch, useMatchService } from './saas-queries';

// Match a service to a catalog product, picked from a search over the catalog's names, vendors and aliases.
export function MatchService({ service }: { service: ServiceDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" onClick={open}>
        {service.catalog === null ? 'Match to product…' : 'Change match…'}
      </Button>
      {opened && <MatchModal service={service} onClose={close} />}
    </>
  );
}

function MatchModal({ service, onClose }: { service: ServiceDetail; onClose: () => void }) {
  const [search, setSearch] = useState(service.name);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const catalog = useCatalogSearch(debounced);
  const [productId, setProductId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const match = useMatchService(service.id);
  const data = (catalog.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.vendor})` }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (productId === null) return;
    match.mutate(
      { productId, ...(note.trim() === '' ? {} : { note: note.trim() }) },
      {
        onSuccess: (updated) => {
          onClose();
          notifications.show({
            color: 'green',
            title: 'Service matched',
            message: `${updated.name} → ${updated.catalog?.productName ?? productId}`,
          });
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Not matched', message: errorMessage(error) }),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Match ${service.name} to a catalog product`} centered>
      <form onSubmit={submit}>
        <Stack>
          <Select
            label="Catalog product"
            placeholder="Search by name, vendor or alias"
            data={data}
            value={productId}
            onChange={setProductId}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            // The server already searched names, vendors and aliases; filtering again by label would hide
            // products found by alias.
            filter={({ options }) => options}
            nothingFoundMessage={catalog.isFetching ? 'Searching…' : 'No product found'}
            error={catalog.isError ? errorMessage(catalog.error) : undefined}
            required
            data-autofocus
          />
          <Textarea
            label="Note"
            placeholder="Why (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {match.isError && (
            <Alert color="red" role="alert" title="Not matched">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {errorMessage(match.error)}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={productId === null} loading={match.isPending}>
              Match
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
