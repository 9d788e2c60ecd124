import { LineChart } from '@mantine/charts';
import { formatEpochDate, formatNumber } from '../../ui/format';

export interface SeatPoint {
  // Milliseconds since the epoch: a numeric time axis keeps the steps' widths true to the time between them.
  t: number;
  seats: number;
}

// Loaded on demand (with recharts) so the overview's first paint does not wait for the chart library.
export function SeatsChart({ points, label }: { points: SeatPoint[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <LineChart
        h={220}
        data={points}
        dataKey="t"
        series={[{ name: 'seats', label: 'Billable seats', color: 'blue.6' }]}
        curveType="stepAfter"
        withDots={false}
        valueFormatter={(value) => formatNumber(value)}
        xAxisProps={{
          type: 'number',
          scale: 'time',
          domain: ['dataMin', 'dataMax'],
          tickFormatter: formatEpochDate,
        }}
        // recharts hands the tooltip the point's label, which is not always the numeric time.
        tooltipProps={{ labelFormatter: formatEpochDate }}
      />
    </div>
  );
}
