import { Loader, SegmentedControl } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { formatNumber } from '../../ui/format';
import { WhenVisible } from '../../ui/when-visible';
import { QueryState } from '../../ui/query-state';
import { OverviewCard } from './overview-card';
import { type DailyActivity, useActivity } from './overview-queries';

const ActivityChart = lazy(() => import('./activity-chart').then((m) => ({ default: m.ActivityChart })));

const WINDOWS = ['7', '30', '90'] as const;

// Authentications per day over every account: how much Duo is used, and how much of it is denied or fraud.
export function ActivityChartCard() {
  const [days, setDays] = useState<string>('30');
  const activity = useActivity(Number(days));
  return (
    <OverviewCard
      title="Authentication activity"
      to="/saas"
      linkLabel="Explore SaaS usage"
      actions={
        <SegmentedControl
          size="xs"
          aria-label="Days shown"
          data={WINDOWS.map((d) => ({ value: d, label: `${d} days` }))}
          value={days}
          onChange={setDays}
        />
      }
    >
      <QueryState query={activity} label="authentication activity">
        {() => (
          <WhenVisible minHeight={220}>
            <Suspense fallback={<Loader aria-label="Loading chart" />}>
              <ActivityChart days={activity.data ?? []} label={describe(activity.data ?? [], days)} />
            </Suspense>
          </WhenVisible>
        )}
      </QueryState>
    </OverviewCard>
  );
}

function describe(items: readonly DailyActivity[], days: string): string {
  const sum = (key: 'success' | 'denied' | 'fraud') => formatNumber(items.reduce((n, d) => n + d[key], 0));
  return `Authentications over the last ${days} days: ${sum('success')} successful, ${sum('denied')} denied, ${sum('fraud')} fraud`;
}
