import { Badge, Card, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import type { ResponseOf } from '../../api/types';
import { formatMoney, formatNumber } from '../../ui/format';
import { deltaColor, keysOf, type RowType, TYPE_COLORS, TYPE_LABELS } from './row-labels';

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

// Pending money per month of a type, in the summary's currency; nothing when there is none (unpriced rows count
// nothing).
function PendingMoney({ money, type }: { money: Summary['money']; type: RowType }) {
  const amount = money.pendingByType[type];
  if (amount === 0) return null;
  return (
    <Text size="xs" c={deltaColor(amount)}>
      {formatMoney(amount, money.currency)} per month pending
    </Text>
  );
}

// Several currencies are not summed together: the amounts cover the first currency's rows only.
function MixedCurrencies({ money }: { money: Summary['money'] }) {
  if (!money.mixedCurrencies) return null;
  return (
    <Text size="xs" c="orange" mb="md" role="note">
      Rows are priced in more than one currency: the amounts per month count only the {money.currency ?? 'first'} rows.
    </Text>
  );
}

function TypeCard({ type, summary }: { type: RowType; summary: Summary | undefined }) {
  return (
    <Card withBorder padding="sm" role="listitem" aria-label={TYPE_LABELS[type]}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Badge color={TYPE_COLORS[type]} variant="light">
          {TYPE_LABELS[type]}
        </Badge>
        {summary ? (
          <Text fw={700} size="lg">
            {formatNumber(summary.byType[type])}
          </Text>
        ) : (
          <Skeleton height={20} width={32} aria-label={`Loading ${TYPE_LABELS[type]} count`} />
        )}
      </Group>
      {summary && (
        <>
          <Text size="xs" c="dimmed" mt={4}>
            {formatNumber(summary.pendingByType[type])} pending
          </Text>
          <PendingMoney money={summary.money} type={type} />
        </>
      )}
    </Card>
  );
}

// Rows by type, how many of them wait for a decision and the money per month they are about, for every account
// or the filtered one.
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
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" mb="md" aria-label="Rows by type" role="list">
        {keysOf(TYPE_LABELS).map((type) => (
          <TypeCard key={type} type={type} summary={summary.data} />
        ))}
      </SimpleGrid>
      {summary.data && <MixedCurrencies money={summary.data.money} />}
    </>
  );
}
