import { Badge, Group, List, Text } from '@mantine/core';
import { formatMoney, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { OverviewCard } from './overview-card';
import {
  type Discrepancies,
  type Discrepancy,
  type DiscrepancyType,
  useReconciliationSummary,
} from './reconciliation-summary';

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

// The pending rows' money per month, when they are about any (unpriced rows count nothing).
function pendingMoney(d: Discrepancy, currency: string | null): string {
  if (d.pendingMoney === 0) return '';
  return `, ${formatMoney(d.pendingMoney, currency)}/mo`;
}

// Rows where Duo and the PSA disagree, by type, how many wait for a decision and the money per month they are
// about.
export function DiscrepanciesCard() {
  const summary = useReconciliationSummary();
  return (
    <OverviewCard title="Discrepancies" to="/reconciliation" linkLabel="Review reconciliation">
      <QueryState query={summary} label="discrepancies">
        {() => summary.data && <DiscrepancyList discrepancies={summary.data} />}
      </QueryState>
    </OverviewCard>
  );
}

function DiscrepancyList({ discrepancies }: { discrepancies: Discrepancies }) {
  const { currency } = discrepancies;
  return (
    <>
      <List listStyleType="none" spacing={6} aria-label="Discrepancies by type">
        {discrepancies.types.map((d) => (
          <List.Item key={d.type}>
            <Group justify="space-between" wrap="nowrap">
              <Badge color={COLORS[d.type]} variant="light">
                {LABELS[d.type]}
              </Badge>
              <Text size="sm">
                {formatNumber(d.rows)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({formatNumber(d.pending)} pending{pendingMoney(d, currency)})
                </Text>
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {discrepancies.mixedCurrencies && (
        <Text size="xs" c="orange" mt="xs" role="note">
          More than one currency: amounts count only the {currency ?? 'first'} rows.
        </Text>
      )}
    </>
  );
}
