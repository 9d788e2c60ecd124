import { daysEndingOn, utcDay } from './activity-days';

describe('activity days', () => {
  it('buckets a time by its UTC day, whatever the local offset it was written with', () => {
    expect(utcDay(new Date('2025-06-30T23:59:59.999Z'))).toBe('2025-06-30');
    expect(utcDay(new Date('2025-07-01T00:00:00Z'))).toBe('2025-07-01');
    expect(utcDay(new Date('2025-07-01T01:30:00+02:00'))).toBe('2025-06-30');
  });

  it('lists the window ending on the given day, oldest first, across month and leap-year ends', () => {
    expect(daysEndingOn(new Date('2024-03-01T18:00:00Z'), 3)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysEndingOn(new Date('2025-01-01T00:00:00Z'), 2)).toEqual(['2024-12-31', '2025-01-01']);
    expect(daysEndingOn(new Date('2025-07-01T23:59:59Z'), 1)).toEqual(['2025-07-01']);
  });

  it('gives a full year of distinct consecutive days', () => {
    const days = daysEndingOn(new Date('2025-12-31T12:00:00Z'), 365);
    expect(days).toHaveLength(365);
    expect(days[0]).toBe('2025-01-01');
    expect(new Set(days).size).toBe(365);
    expect([...days].sort()).toEqual(days);
  });
});
