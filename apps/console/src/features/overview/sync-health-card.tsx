import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { formatDuration } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { SyncStatusBadge } from '../integrations/sync-status-badge';
import { OverviewCard } from './overview-card';
import type { useAllAccounts, useAllIntegrations } from './overview-queries';
import { type HealthEntry, rankSyncHealth } from './sync-health';

// Enough to show what needs attention; the integrations screen lists everything.
const SHOWN = 8;

interface Props {
  integrations: ReturnType<typeof useAllIntegrations>;
  accounts: ReturnType<typeof useAllAccounts>;
}

export function SyncHealthCard({ integrations, accounts }: Props) {
  const loading = {
    isPending: integrations.isPending || accounts.isPending,
    isError: integrations.isError || accounts.isError,
    error: integrations.error ?? accounts.error,
  };
  const ranked = rankSyncHealth(integrations.data ?? [], accounts.data ?? []);
  const failing = ranked.filter((e) => e.tier === 0).length;
  return (
    <OverviewCard
      title="Sync health"
      to="/integrations"
      linkLabel="Manage integrations"
      actions={
        failing > 0 ? (
          <Badge color="red">{failing} failing</Badge>
        ) : (
          <Badge color="green" variant="light">
            no errors
          </Badge>
        )
      }
    >
      <QueryState query={loading} label="sync health" isEmpty={ranked.length === 0} empty="Nothing connected yet.">
        {() => (
          <Stack gap={4}>
            <List listStyleType="none" spacing={6} aria-label="Sync health, errors first">
              {ranked.slice(0, SHOWN).map((entry) => (
                <List.Item key={entry.key}>
                  <HealthLine entry={entry} />
                </List.Item>
              ))}
            </List>
            {ranked.length > SHOWN && (
              <Text size="xs" c="dimmed">
                and {ranked.length - SHOWN} more
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </OverviewCard>
  );
}

function HealthLine({ entry }: { entry: HealthEntry }) {
  return (
    <Stack gap={0}>
      <Group gap="xs" wrap="nowrap">
        {entry.tier === 0 ? <Badge color="red">error</Badge> : <SyncStatusBadge status={entry.syncStatus} />}
        <Text size="sm" fw={500} truncate>
          {entry.name}
        </Text>
        <Text size="xs" c="dimmed">
          {entry.kind === 'integration' ? 'integration' : 'account'}
        </Text>
        {entry.tier === 1 && entry.behindMs !== null && (
          <Text size="xs" c="dimmed">
            {formatDuration(entry.behindMs)} behind
          </Text>
        )}
      </Group>
      {entry.lastError && (
        <Text size="xs" c="red" lineClamp={1}>
          {entry.lastError.code}: {entry.lastError.message}
        </Text>
      )}
    </Stack>
  );
}
