import type { DayCounts } from '../inventory/activity.repository';
import { dailySeries } from './activity-series';

const row = (day: string, total: number, success: number, denied: number, fraud: number): DayCounts => ({
  day,
  total,
  success,
  denied,
  fraud,
});

describe('daily activity series', () => {
  const days = ['2025-06-29', '2025-06-30', '2025-07-01'];

  it('answers every day of the window, oldest first, zero-filled', () => {
    expect(dailySeries(days, [row('2025-06-30', 5, 3, 1, 1)])).toEqual([
      { day: '2025-06-29', total: 0, success: 0, denied: 0, fraud: 0 },
      { day: '2025-06-30', total: 5, success: 3, denied: 1, fraud: 1 },
      { day: '2025-07-01', total: 0, success: 0, denied: 0, fraud: 0 },
    ]);
  });

  it('sums the accounts of a day and leaves out rows outside the window', () => {
    const rows = [
      row('2025-07-01', 4, 4, 0, 0),
      row('2025-06-28', 9, 9, 0, 0),
      row('2025-07-01', 3, 1, 1, 0),
      row('2025-06-29', 2, 0, 0, 2),
    ];
    expect(dailySeries(days, rows)).toEqual([
      { day: '2025-06-29', total: 2, success: 0, denied: 0, fraud: 2 },
      { day: '2025-06-30', total: 0, success: 0, denied: 0, fraud: 0 },
      { day: '2025-07-01', total: 7, success: 5, denied: 1, fraud: 0 },
    ]);
  });
});
