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
import { isSynced, PSA_KIND_LABELS, settingLabel } from './psa-kinds';
import { type PsaConnection, useDeletePsaConnection, useStartSyncRun } from './psa-queries';
import { SyncRunsTable } from './sync-runs-table';

// The PSA's published request budget (Autotask), as last seen by a sync.
function usageFacts(usage: PsaConnection['usage']): [string, string][] {
  if (!usage) return [];
  const limit = usage.hourlyLimit === null ? '' : ` of ${usage.hourlyLimit}`;
  return [['Requests this hour', `${usage.requestsThisHour}${limit} (at most ${usage.maxInFlight} at once)`]];
}

// What the card lists of a connection: ConnectWise's own fields, or the other PSAs' settings and usage.
function connectionFacts(connection: PsaConnection): [string, string | null][] {
  if (connection.kind === 'connectwise') {
    return [
      ['Site URL', connection.siteUrl],
      ['Company id', connection.companyId],
      ['Public key', connection.publicKey],
      ['Client id', connection.clientId],
    ];
  }
  const settings = Object.entries(connection.settings).map(([key, value]): [string, string] => [
    settingLabel(connection.kind, key),
    value,
  ]);
  return [...settings, ...usageFacts(connection.usage)];
}

export function PsaConnectionCard({ connection }: { connection: PsaConnection }) {
  const facts = connectionFacts(connection);
  return (
    <Card withBorder padding="md" component="section" aria-label={`PSA connection ${connection.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={4}>{connection.name}</Title>
            <Badge variant="outline">{PSA_KIND_LABELS[connection.kind]}</Badge>
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
        {isSynced(connection) && <SyncRunsTable connectionId={connection.id} name={connection.name} />}
      </Stack>
    </Card>
  );
}

// Connections to a PSA sync and can be edited; an import is refreshed by importing a file again.
function PsaActions({ connection }: { connection: PsaConnection }) {
  const sync = useStartSyncRun(connection.id);
  const remove = useDeletePsaConnection(connection.id);
  const fail = (title: string) => (error: unknown) =>
    notifications.show({ color: 'red', title, message: errorMessage(error) });
  return (
    <Group gap="xs" align="flex-end">
      {isSynced(connection) ? (
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
