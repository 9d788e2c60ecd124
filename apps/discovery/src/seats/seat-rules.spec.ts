import { NEVER } from '../inventory/never';
import { NO_OUTCOMES } from '../inventory/outcome-totals';
import type { UserDoc } from '../inventory/users.repository';
import { isBillable, reclaimableFilter, reclaimReason, SeatTally, unusedCutoff } from './seat-rules';

const DAY = 86_400_000;
const now = new Date('2025-07-31T12:00:00Z');
const daysAgo = (n: number): Date => new Date(now.getTime() - n * DAY);

function user(fields: Partial<UserDoc>): UserDoc {
  return {
    _id: 'DA1.u',
    accountId: 'DA1',
    userKey: 'u',
    username: 'u',
    profileAt: daysAgo(0),
    status: 'active',
    enrolled: true,
    lastSeen: NEVER,
    authCount: 0,
    serviceCount: 0,
    lastBatch: 0,
    ...NO_OUTCOMES,
    ...fields,
  };
}

describe('unused seat rules', () => {
  const cutoff = unusedCutoff(now, 30);

  it('counts as billable only users of a snapshot, not removed, not pending deletion', () => {
    expect(isBillable(user({}))).toBe(true);
    expect(isBillable(user({ profileAt: NEVER }))).toBe(false);
    expect(isBillable(user({ removedAt: daysAgo(1) }))).toBe(false);
    expect(isBillable(user({ status: 'pending deletion' }))).toBe(false);
    // Disabled and locked-out users still take a seat.
    expect(isBillable(user({ status: 'disabled' }))).toBe(true);
  });

  it('keeps a seat used successfully within N days', () => {
    expect(reclaimReason(user({ lastSuccess: daysAgo(29) }), cutoff)).toBeNull();
    expect(reclaimReason(user({ lastSuccess: daysAgo(30) }), cutoff)).toBeNull();
  });

  it('names the first reason that applies: never enrolled, denied-only, inactive', () => {
    expect(reclaimReason(user({ enrolled: false, lastSuccess: daysAgo(1) }), cutoff)).toBe('never-enrolled');
    expect(reclaimReason(user({ lastSuccess: daysAgo(31), lastDenial: daysAgo(2) }), cutoff)).toBe('denied-only');
    expect(reclaimReason(user({ lastDenial: daysAgo(2) }), cutoff)).toBe('denied-only');
    expect(reclaimReason(user({ lastSuccess: daysAgo(45), lastDenial: daysAgo(40) }), cutoff)).toBe('inactive');
    expect(reclaimReason(user({}), cutoff)).toBe('inactive');
  });

  // Mutation tried: reclaimReason without its isBillable guard fails this case.
  it('never reclaims what is not a seat', () => {
    expect(reclaimReason(user({ status: 'pending deletion', enrolled: false }), cutoff)).toBeNull();
    expect(reclaimReason(user({ profileAt: NEVER }), cutoff)).toBeNull();
  });

  it('tallies an account once per user, with active users over 7/30/90 days', () => {
    const tally = new SeatTally('DA1', 30, now);
    const users = [
      user({ lastSuccess: daysAgo(1) }),
      user({ lastSuccess: daysAgo(10) }),
      user({ lastSuccess: daysAgo(60) }),
      user({ enrolled: false, lastSuccess: daysAgo(3) }),
      user({ lastDenial: daysAgo(1) }),
      user({ status: 'pending deletion' }),
      user({ profileAt: NEVER, lastSuccess: daysAgo(2) }),
      user({ removedAt: daysAgo(1), lastSuccess: daysAgo(1) }),
    ];
    for (const u of users) tally.add(u);
    expect(tally.result()).toEqual({
      accountId: 'DA1',
      unusedAfterDays: 30,
      billableUsers: 5,
      activeUsers: { days7: 3, days30: 4, days90: 5 },
      reclaimable: 3,
      neverEnrolled: 1,
      deniedOnly: 1,
      inactive: 1,
    });
  });

  it('builds a database filter that says the same as the rules', () => {
    expect(reclaimableFilter(cutoff, 'never-enrolled')).toMatchObject({
      enrolled: false,
      status: { $ne: 'pending deletion' },
    });
    expect(reclaimableFilter(cutoff, 'denied-only')).toMatchObject({
      lastSuccess: { $lt: cutoff },
      lastDenial: { $gte: cutoff },
    });
    expect(reclaimableFilter(cutoff)).toMatchObject({ $or: [{ enrolled: false }, { lastSuccess: { $lt: cutoff } }] });
  });
});
