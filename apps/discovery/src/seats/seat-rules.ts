import type { RECLAIM_REASONS, Seats } from '@seatwise/shared/contracts/discovery-views';
import { NEVER } from '../inventory/never';
import type { UserCounts } from '../inventory/usage-state.repository';
import type { UserRow } from '../inventory/user-rows.repository';
import type { UserDoc } from '../inventory/users.repository';
import { DAY_MS } from '../query/filters';

export type ReclaimReason = (typeof RECLAIM_REASONS)[number];

type SeatFields = Pick<UserDoc, 'profileAt' | 'removedAt' | 'status' | 'enrolled' | 'lastSuccess' | 'lastDenial'>;

// A user's seat fields from its packed row (absent where the document has them absent).
export function seatFieldsOfRow(row: UserRow): SeatFields {
  return {
    profileAt: new Date(row.profileAt),
    removedAt: row.removedAt === null ? null : new Date(row.removedAt),
    ...(row.status === null ? {} : { status: row.status }),
    ...(row.enrolled === null ? {} : { enrolled: row.enrolled }),
    lastSuccess: new Date(row.lastSuccess),
    lastDenial: new Date(row.lastDenial),
  };
}

// A seat Duo bills: a user of the latest users snapshot (profileAt set), not removed since, not pending
// deletion. A user only seen in the logs is not counted until a snapshot shows it.
export function isBillable(user: SeatFields): boolean {
  return user.profileAt > NEVER && !user.removedAt && user.status !== 'pending deletion';
}

export const unusedCutoff = (now: Date, unusedAfterDays: number): Date =>
  new Date(now.getTime() - unusedAfterDays * DAY_MS);

// Why a billable seat could be reclaimed, the first reason that applies; null when it is in use (or not a
// seat). Never enrolled: Duo says so. Denied-only: attempts since the cutoff, none successful. Inactive:
// no successful authentication since the cutoff (nor any attempt).
export function reclaimReason(user: SeatFields, cutoff: Date): ReclaimReason | null {
  if (!isBillable(user)) return null;
  if (user.enrolled === false) return 'never-enrolled';
  if (user.lastSuccess >= cutoff) return null;
  return user.lastDenial >= cutoff ? 'denied-only' : 'inactive';
}

// The same rules as a database filter, for the paged list (reclaimReason decides each row's reason).
export function reclaimableFilter(cutoff: Date, reason?: ReclaimReason): Record<string, unknown> {
  const billable = { profileAt: { $gt: NEVER }, removedAt: null, status: { $ne: 'pending deletion' } };
  const enrolled = { enrolled: { $ne: false }, lastSuccess: { $lt: cutoff } };
  switch (reason) {
    case 'never-enrolled':
      return { ...billable, enrolled: false };
    case 'denied-only':
      return { ...billable, ...enrolled, lastDenial: { $gte: cutoff } };
    case 'inactive':
      return { ...billable, ...enrolled, lastDenial: { $lt: cutoff } };
    case undefined:
      return { ...billable, $or: [{ enrolled: false }, { lastSuccess: { $lt: cutoff } }] };
  }
}

const ACTIVE_WINDOWS = [7, 30, 90] as const;

// An account's seat figures from its users, in one pass.
export class SeatTally {
  private readonly figures: Seats;
  private readonly cutoff: Date;
  private readonly since: Date[];
  private readonly counts: UserCounts = { users: 0, removed: 0 };

  constructor(accountId: string, unusedAfterDays: number, now: Date) {
    this.cutoff = unusedCutoff(now, unusedAfterDays);
    this.since = ACTIVE_WINDOWS.map((days) => unusedCutoff(now, days));
    this.figures = {
      accountId,
      unusedAfterDays,
      billableUsers: 0,
      activeUsers: { days7: 0, days30: 0, days90: 0 },
      reclaimable: 0,
      neverEnrolled: 0,
      deniedOnly: 0,
      inactive: 0,
    };
  }

  // Active users are every current user of the account with a successful authentication in the window
  // (a user only seen in the logs included); reclaimable seats only billable ones.
  add(user: SeatFields): void {
    const f = this.figures;
    this.counts.users++;
    if (user.removedAt) this.counts.removed++;
    if (!user.removedAt) {
      const [d7, d30, d90] = this.since.map((since) => user.lastSuccess >= since);
      if (d7) f.activeUsers.days7++;
      if (d30) f.activeUsers.days30++;
      if (d90) f.activeUsers.days90++;
    }
    if (isBillable(user)) f.billableUsers++;
    const reason = reclaimReason(user, this.cutoff);
    if (reason === null) return;
    f.reclaimable++;
    if (reason === 'never-enrolled') f.neverEnrolled++;
    else if (reason === 'denied-only') f.deniedOnly++;
    else f.inactive++;
  }

  result(): Seats {
    return { ...this.figures, activeUsers: { ...this.figures.activeUsers } };
  }

  // Every user added, and those of them removed from Duo.
  userCounts(): UserCounts {
    return { ...this.counts };
  }
}
