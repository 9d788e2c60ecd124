import { DUO_LAG_MS, DUO_RETENTION_MS, initialMintime, logWindow } from './log-window';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const DAY = 24 * 3_600_000;

describe('logWindow', () => {
  it('starts at the backfill start and ends two minutes ago', () => {
    expect(logWindow(now, now - DAY, null)).toEqual({ mintime: now - DAY, maxtime: now - DUO_LAG_MS });
  });

  it('moves mintime up to the cursor, so the window never leaves the 180 days', () => {
    const cursorMs = now - 3 * DAY;
    expect(logWindow(now, now - 179 * DAY, [String(cursorMs), 'tx'])).toEqual({
      mintime: cursorMs,
      maxtime: now - DUO_LAG_MS,
    });
    const ancient = logWindow(now, now - 400 * DAY, null);
    expect(ancient!.mintime).toBeGreaterThan(now - DUO_RETENTION_MS);
  });

  it('has nothing to ask for when the cursor is inside the last two minutes', () => {
    expect(logWindow(now, now - DAY, [String(now - 60_000), 'tx'])).toBeNull();
  });

  it('clamps the first backfill to what Duo keeps', () => {
    expect(initialMintime(now, 1)).toBe(now - DAY);
    expect(initialMintime(now, 180)).toBeGreaterThan(now - DUO_RETENTION_MS);
  });
});
