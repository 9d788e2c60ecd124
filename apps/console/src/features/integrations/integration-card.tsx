import { Badge, Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/problem';
import { AdminOnly } from '../../session/admin-only';
import { formatDateTime, formatDuration } from '../../ui/format';
import { ConfirmDeleteButton } from './confirm-delete-button';
import { Fact } from './fact';
import { KIND_LABELS } from './duo-kinds';
import {
  type AccountList,
  type Integration,
  useDeleteIntegration,
  useIntegrationAccounts,
  useSyncIntegration,
} from './duo-queries';
import { EditIntegrationButton } from './edit-integration-button';
import { IntegrationAccountsTable } from './integration-accounts-table';
import { LastErrorAlert } from './last-error';
import { SyncStatusBadge } from './sync-status-badge';

const STATUS_COLORS: Record<Integration['status'], string> = { pending: 'gray', connected: 'green', error: 'red' };

export function IntegrationCard({ integration }: { integration: Integration }) {
  const accounts = useIntegrationAccounts(integration.id);
  return (
    <Card withBorder padding="md" component="section" aria-label={`Integration ${integration.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={4}>{integration.name}</Title>
            <Badge variant="outline">{KIND_LABELS[integration.kind]}</Badge>
            <Badge color={STATUS_COLORS[integration.status]} variant="light">
              {integration.status}
            </Badge>
            <SyncStatusBadge status={integration.syncStatus} />
          </Group>
          <AdminOnly>
            <IntegrationActions integration={integration} />
          </AdminOnly>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs">
          <Fact label="API hostname" value={integration.apiHostname} />
          <Fact label="Integration key" value={integration.integrationKey} />
          <Fact label="Last sync" value={formatDateTime(integration.lastSyncAt)} />
          <Fact label="Behind" value={formatDuration(mostBehind(accounts))} />
        </SimpleGrid>
        <LastErrorAlert error={integration.lastError} />
        <IntegrationAccountsTable integrationId={integration.id} name={integration.name} accounts={accounts} />
      </Stack>
    </Card>
  );
}

function IntegrationActions({ integration }: { integration: Integration }) {
  const sync = useSyncIntegration(integration.id);
  const remove = useDeleteIntegration(integration.id);
  const fail = (title: string) => (error: unknown) =>
    notifications.show({ color: 'red', title, message: errorMessage(error) });
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="light"
        loading={sync.isPending}
        aria-label={`Sync ${integration.name} now`}
        onClick={() => {
          sync.mutate(undefined, {
            onSuccess: () =>
              notifications.show({ color: 'green', title: 'Sync started', message: `Polling ${integration.name}` }),
            onError: fail('Could not start the sync'),
          });
        }}
      >
        Sync now
      </Button>
      <EditIntegrationButton integration={integration} />
      <ConfirmDeleteButton
        what="integration"
        name={integration.name}
        consequence="Its accounts stop syncing and the console forgets the integration and its keys."
        pending={remove.isPending}
        onConfirm={(done) => {
          remove.mutate(undefined, {
            onSuccess: () => {
              done();
              notifications.show({ color: 'green', title: 'Integration deleted', message: integration.name });
            },
            onError: fail('Could not delete the integration'),
          });
        }}
      />
    </Group>
  );
}

// The integration is as far behind as its most lagging account (of those loaded); the API gives no figure of
// its own for the integration.
function mostBehind(accounts: AccountList): number | null {
  const lags = accounts.rows.map((a) => a.behindMs).filter((ms): ms is number => ms !== null);
  return lags.length === 0 ? null : Math.max(...lags);
}
