import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/query-state';
import { FactLine } from './fact-line';
import { useSeats } from './seats-queries';

// One account's seat counts: what it pays for, who used it lately, and what could be reclaimed and why.
export function SeatSummary({ accountId }: { accountId: string }) {
  const seats = useSeats(accountId);
  const line = seats.data?.items.find((s) => s.accountId === accountId);
  return (
    <QueryState query={seats} label="the seat counts" isEmpty={line === undefined} empty="No seats counted yet.">
      {() =>
        line && (
          <FactLine
            label="Seat summary"
            facts={[
              ['Billable', formatNumber(line.billableUsers)],
              [
                'Active 7 / 30 / 90 d',
                `${formatNumber(line.activeUsers.days7)} / ${formatNumber(line.activeUsers.days30)} / ${formatNumber(line.activeUsers.days90)}`,
              ],
              ['Reclaimable', formatNumber(line.reclaimable)],
              ['Never enrolled', formatNumber(line.neverEnrolled)],
              ['Denied only', formatNumber(line.deniedOnly)],
              ['Inactive', formatNumber(line.inactive)],
            ]}
          />
        )
      }
    </QueryState>
  );
}
