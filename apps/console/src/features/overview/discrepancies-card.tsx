import { Badge, Group, List, Text } from '@mantine/core';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { OverviewCard } from './overview-card';
import { type DiscrepancyType, useReconciliationSummary } from './reconciliation-summary';

const LABELS: Record<DiscrepancyType, string> = {
  under_billed: 'Under-billed',
  over_billed: 'Over-billed',
  new_revenue: 'New revenue',
  unmapped: 'Unmapped',
};

const COLORS: Record<DiscrepancyType, string> = {
  under_billed: 'orange',
  over_billed: 'red',
  new_revenue: 'green',
  unmapped: 'gray',
};

// Rows where Duo and the PSA disagree, by type, and how many wait for a decision. The API gives no unit
// price, so no amount of money is shown.
export function DiscrepanciesCard() {
  const summary = useReconciliationSummary();
  return (
    <OverviewCard title="Discrepancies" to="/reconciliation" linkLabel="Review reconciliation">
      <QueryState query={summary} label="discrepancies">
        {() => (
          <List listStyleType="none" spacing={6} aria-label="Discrepancies by type">
            {(summary.data ?? []).map((d) => (
              <List.Item key={d.type}>
                <Group justify="space-between" wrap="nowrap">
                  <Badge color={COLORS[d.type]} variant="light">
                    {LABELS[d.type]}
                  </Badge>
                  <Text size="sm">
                    {formatNumber(d.rows)}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({formatNumber(d.pending)} pending)
                    </Text>
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </QueryState>
    </OverviewCard>
  );
}
