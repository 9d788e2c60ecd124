import type { DailyActivity } from '@seatwise/shared/contracts/discovery-activity';
import type { DayCounts } from '../inventory/activity.repository';

// One item per day of `days` (oldest first, as given), each the sum of the rows of that day (one per
// account); a day without rows is all zeros, and a row outside `days` is left out.
export function dailySeries(days: readonly string[], rows: readonly DayCounts[]): DailyActivity[] {
  const byDay = new Map<string, DailyActivity>(
    days.map((day) => [day, { day, total: 0, success: 0, denied: 0, fraud: 0 }]),
  );
  for (const row of rows) {
    const item = byDay.get(row.day);
    if (!item) continue;
    item.total += row.total;
    item.success += row.success;
    item.denied += row.denied;
    item.fraud += row.fraud;
  }
  return [...byDay.values()];
}
