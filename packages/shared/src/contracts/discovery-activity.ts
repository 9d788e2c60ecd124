import { z } from 'zod';
import { accountId } from './common';

// Authentication activity per UTC day, for the console's overview chart.
export const ACTIVITY_MAX_DAYS = 365;
export const ACTIVITY_DEFAULT_DAYS = 30;

export const activityDays = z.number().int().min(1).max(ACTIVITY_MAX_DAYS);

export const activityRequestSchema = z
  .object({
    // One account, or (absent) the sum over every account.
    accountId: accountId.optional(),
    // The window: the last `days` UTC days, today included.
    days: activityDays.default(ACTIVITY_DEFAULT_DAYS),
  })
  .strict();

const count = z.number().int().nonnegative();

// One UTC day. `total` counts every authentication; what is neither success, denied nor fraud (a
// result Duo may add later) is in `total` only.
export const dailyActivitySchema = z.object({
  day: z.iso.date(),
  total: count,
  success: count,
  denied: count,
  fraud: count,
});
export type DailyActivity = z.infer<typeof dailyActivitySchema>;

// Every day of the window, oldest first; a day without authentications is all zeros.
export const activityResponseSchema = z.object({ items: z.array(dailyActivitySchema) });
