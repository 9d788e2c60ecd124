import { BarChart } from '@mantine/charts';
import { formatNumber } from '../../ui/format';
import type { DailyActivity } from './overview-queries';

// Loaded on demand (with recharts) so the overview's first paint does not wait for the chart library.
export function ActivityChart({ days, label }: { days: DailyActivity[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={220}
        data={days}
        dataKey="day"
        type="stacked"
        withLegend
        valueFormatter={(value) => formatNumber(value)}
        series={[
          { name: 'success', label: 'Success', color: 'teal.6' },
          { name: 'denied', label: 'Denied', color: 'orange.6' },
          { name: 'fraud', label: 'Fraud', color: 'red.6' },
        ]}
      />
    </div>
  );
}
