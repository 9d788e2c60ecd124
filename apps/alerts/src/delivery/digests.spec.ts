import { lastDigestTime } from './digests';

describe('lastDigestTime', () => {
  it('is today at the digest time once it has passed, else yesterday', () => {
    expect(lastDigestTime(new Date('2026-12-01T08:00:00Z'), '08:00').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(lastDigestTime(new Date('2026-12-01T23:59:00Z'), '08:00').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(lastDigestTime(new Date('2026-12-01T07:59:59Z'), '08:00').toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(lastDigestTime(new Date('2027-01-01T00:10:00Z'), '23:30').toISOString()).toBe('2026-12-31T23:30:00.000Z');
  });
});
