import { Center, Loader, Select } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { formatNumber } from '../../ui/format';
import { WhenVisible } from '../../ui/when-visible';
import { QueryState } from '../../ui/query-state';
import { OverviewCard } from './overview-card';
import { type Account, type HistoryEntry, useAccountHistory } from './overview-queries';
import type { SeatPoint } from './seats-chart';

const SeatsChart = lazy(() => import('./seats-chart').then((m) => ({ default: m.SeatsChart })));

// Billable seats of one account over time, as the steps Duo reported them.
export function SeatsChartCard({ accounts }: { accounts: readonly Account[] }) {
  const byName = [...accounts].sort((a, b) => (b.seats ?? 0) - (a.seats ?? 0) || a.name.localeCompare(b.name));
  // The user's pick; until then, the account with the most seats.
  const [picked, setPicked] = useState<string | null>(null);
  const account = byName.find((a) => a.id === picked) ?? byName[0] ?? null;
  const history = useAccountHistory(account?.id ?? null);

  return (
    <OverviewCard
      title="Seats over time"
      to="/integrations"
      linkLabel="See accounts"
      actions={
        <Select
          size="xs"
          aria-label="Account for the seats chart"
          searchable
          data={byName.map((a) => ({ value: a.id, label: a.name }))}
          value={account?.id ?? null}
          onChange={setPicked}
          allowDeselect={false}
          w={220}
        />
      }
    >
      {account === null ? (
        <Center py="lg">No Duo account yet.</Center>
      ) : (
        <QueryState
          query={history}
          label="seat history"
          isEmpty={history.data?.length === 0}
          empty="No seat change recorded yet."
        >
          {() => {
            const points = seatPoints(history.data ?? [], account, Date.now());
            return (
              <WhenVisible minHeight={220}>
                <Suspense fallback={<Loader aria-label="Loading chart" />}>
                  <SeatsChart points={points} label={describe(account, points)} />
                </Suspense>
              </WhenVisible>
            );
          }}
        </QueryState>
      )}
    </OverviewCard>
  );
}

// One point per change, and one at `now` with the current seats so the last step reaches today.
export function seatPoints(history: readonly HistoryEntry[], account: Account, now: number): SeatPoint[] {
  const points = history.map((h) => ({ t: Date.parse(h.observedAt), seats: h.billableSeats }));
  const last = points[points.length - 1];
  if (last !== undefined && last.t < now) points.push({ t: now, seats: account.seats ?? last.seats });
  return points;
}

function describe(account: Account, points: readonly SeatPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return `Billable seats of ${account.name}: no data`;
  return `Billable seats of ${account.name}: ${formatNumber(first.seats)} then ${formatNumber(last.seats)} now, ${points.length - 1} changes`;
}
