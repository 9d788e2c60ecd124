// Activity is bucketed by UTC day, named `YYYY-MM-DD`: the same day wherever the console runs, and
// in lexical order the same as in time.
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// The `count` UTC days ending with the day of `last`, oldest first (calendar arithmetic in UTC, so
// no day is skipped or repeated).
export function daysEndingOn(last: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate()));
    day.setUTCDate(day.getUTCDate() - (count - 1 - i));
    return utcDay(day);
  });
}
