import { Badge, Card, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import type { ResponseOf } from '../../api/types';
import { formatNumber } from '../../ui/format';
import { keysOf, TYPE_COLORS, TYPE_LABELS } from './row-labels';

// The summary route's answer is read in this file only, so a change of its shape is adapted here.
type Summary = ResponseOf<'/api/v1/reconciliation/summary', 'get'>;

// Under reconciliation/summary: the live stream refetches it on every row update.
function useSummary(accountId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.reconciliation, 'summary', { accountId: accountId ?? null }],
    queryFn: (): Promise<Summary> =>
      unwrap(api.GET('/api/v1/reconciliation/summary', { params: { query: accountId ? { accountId } : {} } })),
  });
}

// Rows by type (and how many of them wait for a decision), for every account or the filtered one.
export function ReconciliationSummary({ accountId }: { accountId: string | undefined }) {
  const summary = useSummary(accountId);
  if (summary.isError) {
    return (
      <Text size="sm" c="red" mb="md" role="alert">
        Summary unavailable: {errorMessage(summary.error)}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" mb="md" aria-label="Rows by type" role="list">
      {keysOf(TYPE_LABELS).map((type) => (
        <Card key={type} withBorder padding="sm" role="listitem" aria-label={TYPE_LABELS[type]}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Badge color={TYPE_COLORS[type]} variant="light">
              {TYPE_LABELS[type]}
            </Badge>
            {summary.data ? (
              <Text fw={700} size="lg">
                {formatNumber(summary.data.byType[type])}
              </Text>
            ) : (
              <Skeleton height={20} width={32} aria-label={`Loading ${TYPE_LABELS[type]} count`} />
            )}
          </Group>
          {summary.data && (
            <Text size="xs" c="dimmed" mt={4}>
              {formatNumber(summary.data.pendingByType[type])} pending
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}
