// Duo serves auth logs from the last 180 days up to ~2 minutes ago; mintime must stay inside the
// 180 days (a little margin for clock skew and time in flight) and maxtime must exceed mintime.
export const DUO_LAG_MS = 2 * 60_000;
export const DUO_RETENTION_MS = 180 * 24 * 3_600_000;
const RETENTION_MARGIN_MS = 10 * 60_000;

export interface LogWindow {
  mintime: number;
  maxtime: number;
}

// With a cursor Duo returns records strictly after it, so mintime can move up to the cursor's time:
// that keeps the window inside the 180 days however long the connector runs.
export function logWindow(now: number, logMintime: number, cursor: [string, string] | null): LogWindow | null {
  const cursorMs = cursor ? Number(cursor[0]) : null;
  const oldestAllowed = now - DUO_RETENTION_MS + RETENTION_MARGIN_MS;
  const mintime = Math.max(cursorMs ?? logMintime, oldestAllowed);
  const maxtime = now - DUO_LAG_MS;
  return maxtime > mintime ? { mintime, maxtime } : null;
}

export function initialMintime(now: number, backfillDays: number): number {
  return Math.max(now - backfillDays * 24 * 3_600_000, now - DUO_RETENTION_MS + RETENTION_MARGIN_MS);
}
