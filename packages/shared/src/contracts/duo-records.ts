import { z } from 'zod';

// Raw Duo records as the Admin API returns them. Only what downstream services rely on is required;
// everything else passes through untouched (looseObject) so no Duo field is ever lost.

export const DUO_USER_STATUSES = ['active', 'bypass', 'disabled', 'locked out', 'pending deletion'] as const;
export const DUO_AUTH_RESULTS = ['success', 'denied', 'fraud'] as const;

const location = z.looseObject({
  city: z.string().nullish(),
  state: z.string().nullish(),
  country: z.string().nullish(),
});

export const duoAuthLogRecordSchema = z.looseObject({
  txid: z.string().min(1),
  timestamp: z.number().int().nonnegative(), // Unix seconds
  isotimestamp: z.string().optional(),
  event_type: z.string().min(1),
  result: z.string().min(1),
  reason: z.string().nullish(),
  factor: z.string().nullish(),
  user: z.looseObject({
    key: z.string().min(1),
    name: z.string(),
    groups: z.array(z.string()).optional(),
  }),
  application: z.looseObject({ key: z.string().min(1), name: z.string() }),
  access_device: z.looseObject({ ip: z.string().nullish(), location: location.nullish() }).nullish(),
  auth_device: z.looseObject({ name: z.string().nullish(), location: location.nullish() }).nullish(),
  email: z.string().nullish(),
});
export type DuoAuthLogRecord = z.infer<typeof duoAuthLogRecordSchema>;

export const duoUserRecordSchema = z.looseObject({
  user_id: z.string().min(1),
  username: z.string(),
  realname: z.string().nullish(),
  email: z.string().nullish(),
  status: z.enum(DUO_USER_STATUSES),
  is_enrolled: z.boolean(),
  created: z.number().int().nullish(),
  last_login: z.number().int().nullish(),
  groups: z.array(z.looseObject({ group_id: z.string().optional(), name: z.string() })).default([]),
});
export type DuoUserRecord = z.infer<typeof duoUserRecordSchema>;
