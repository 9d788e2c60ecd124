import { Group, Stack, Title } from '@mantine/core';
import { AdminOnly } from '../../session/admin-only';
import { CsvLink } from '../../ui/csv-link';
import { QueryState } from '../../ui/query-state';
import { ImportJsonInput } from './import-json-input';
import { LoadMoreButton } from './load-more-button';
import { PsaConnectionCard } from './psa-connection-card';
import { ConnectPsaButton } from './psa-connection-form';
import { usePsaConnections } from './psa-queries';

export function PsaSection() {
  const connections = usePsaConnections();
  return (
    <Stack gap="sm" component="section" aria-labelledby="psa-heading">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={3} id="psa-heading">
          PSA
        </Title>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <CsvLink path="/api/v1/psa/connections" label="PSA connections" />
          <AdminOnly>
            <ImportJsonInput />
            <ConnectPsaButton />
          </AdminOnly>
        </Group>
      </Group>
      <QueryState
        query={connections}
        label="PSA connections"
        isEmpty={connections.rows.length === 0}
        empty="No PSA connected yet: an admin connects ConnectWise, Autotask or HaloPSA, or imports a JSON file."
      >
        {() => (
          <>
            {connections.rows.map((connection) => (
              <PsaConnectionCard key={connection.id} connection={connection} />
            ))}
            <LoadMoreButton list={connections} label="PSA connections" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
