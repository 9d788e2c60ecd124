import { Group, Stack, Title } from '@mantine/core';
import { CsvLink } from '../../ui/csv-link';
import { QueryState } from '../../ui/query-state';
import { useIntegrationList } from './duo-queries';
import { IntegrationCard } from './integration-card';
import { LoadMoreButton } from './load-more-button';

export function DuoSection() {
  const integrations = useIntegrationList();
  return (
    <Stack gap="sm" component="section" aria-labelledby="duo-heading">
      <Group justify="space-between">
        <Title order={3} id="duo-heading">
          Duo
        </Title>
        <CsvLink path="/api/v1/integrations" label="Duo integrations" />
      </Group>
      <QueryState
        query={integrations}
        label="Duo integrations"
        isEmpty={integrations.rows.length === 0}
        empty="No Duo integration yet: an admin connects one with Connect Duo."
      >
        {() => (
          <>
            {integrations.rows.map((integration) => (
              <IntegrationCard key={integration.id} integration={integration} />
            ))}
            <LoadMoreButton list={integrations} label="integrations" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
