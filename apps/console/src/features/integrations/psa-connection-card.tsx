import { Badge, Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/problem';
import { AdminOnly } from '../../session/admin-only';
import { formatDateTime } from '../../ui/format';
import { ConfirmDeleteButton } from './confirm-delete-button';
import { Fact } from './fact';
import { ImportJsonInput } from './import-json-input';
import { LastErrorAlert } from './last-error';
import { EditPsaButton } from './psa-connection-form';
import { type PsaConnection, useDeletePsaConnection, useStartSyncRun } from './psa-queries';
import { SyncRunsTable } from './sync-runs-table';

const KIND_LABELS: Record<PsaConnection['kind'], string> = { connectwise: 'ConnectWise', import: 'JSON import' };

export function PsaConnectionCard({ connection }: { connection: PsaConnection }) {
  const facts: [string, string | null][] =
    connection.kind === 'connectwise'
      ? [
          ['Site URL', connection.siteUrl],
          ['Company id', connection.companyId],
          ['Public key', connection.publicKey],
          ['Client id', connection.clientId],
        ]
      : [];
  return (
    <Card withBorder padding="md" component="section" aria-label={`PSA connection ${connection.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={4}>{connection.name}</Title>
            <Badge variant="outline">{KIND_LABELS[connection.kind]}</Badge>
            <Badge color={connection.status === 'error' ? 'red' : 'green'} variant="light">
              {connection.status}
            </Badge>
          </Group>
          <AdminOnly>
            <PsaActions connection={connection} />
          </AdminOnly>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="xs">
          <Fact
            label={connection.kind === 'import' ? 'Last import' : 'Last sync'}
            value={formatDateTime(connection.lastSyncAt)}
          />
          {facts.map(([label, value]) => (
            <Fact key={label} label={label} value={value ?? '—'} />
          ))}
        </SimpleGrid>
        <LastErrorAlert error={connection.lastError} />
        {connection.kind === 'connectwise' && <SyncRunsTable connectionId={connection.id} name={connection.name} />}
      </Stack>
    </Card>
  );
}

// ConnectWise connections sync and can be edited; an import is refreshed by importing a file again.
function PsaActions({ connection }: { connection: PsaConnection }) {
  const sync = useStartSyncRun(connection.id);
  const remove = useDeletePsaConnection(connection.id);
  const fail = (title: string) => (error: unknown) =>
    notifications.show({ color: 'red', title, message: errorMessage(error) });
  return (
    <Group gap="xs" align="flex-end">
      {connection.kind === 'connectwise' ? (
        <>
          <Button
            size="xs"
            variant="light"
            loading={sync.isPending}
            aria-label={`Sync ${connection.name} now`}
            onClick={() => {
              sync.mutate(undefined, {
                onSuccess: () =>
                  notifications.show({ color: 'green', title: 'Sync run queued', message: connection.name }),
                onError: fail('Could not start the sync run'),
              });
            }}
          >
            Sync now
          </Button>
          <EditPsaButton connection={connection} />
        </>
      ) : (
        <ImportJsonInput into={connection} />
      )}
      <ConfirmDeleteButton
        what="PSA connection"
        name={connection.name}
        consequence="Its synced companies, products and agreements go, and so do the mappings into them."
        pending={remove.isPending}
        onConfirm={(done) => {
          remove.mutate(undefined, {
            onSuccess: () => {
              done();
              notifications.show({ color: 'green', title: 'PSA connection deleted', message: connection.name });
            },
            onError: fail('Could not delete the PSA connection'),
          });
        }}
      />
    </Group>
  );
}
