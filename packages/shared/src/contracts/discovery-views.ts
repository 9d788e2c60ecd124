import { z } from 'zod';
import { accountId, isoDateTime } from './common';
import { catalogMatchSchema } from './discovery-events';
import { DUO_USER_STATUSES } from './duo-records';

// Ids are `<accountId>.<Duo key>`: globally unique, and the account (tenant) is read back from the id
// so every lookup by id is still scoped to its account.
export const serviceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}\.\S{1,256}$/, 'must be a service id (<accountId>.<applicationKey>)');
export const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}\.\S{1,256}$/, 'must be a user id (<accountId>.<userKey>)');

export const SERVICE_STATUSES = ['new', 'known', 'ignored'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const SERVICE_SORTS = [
  'name',
  '-name',
  'lastSeen',
  '-lastSeen',
  'firstSeen',
  '-firstSeen',
  'userCount',
  '-userCount',
  'authCount',
  '-authCount',
] as const;
export const USER_SORTS = [
  'username',
  '-username',
  'lastSeen',
  '-lastSeen',
  'authCount',
  '-authCount',
  'serviceCount',
  '-serviceCount',
  'lastSuccess',
  '-lastSuccess',
] as const;
export const USAGE_SORTS = ['lastSeen', '-lastSeen', 'count', '-count'] as const;
export const ACTION_KINDS = ['match', 'merge', 'ignore', 'unmatch', 'unignore'] as const;
// Why a service or user is flagged: a fraud report, or an unusual share of denied attempts (see
// DISCOVERY_DENIAL_RATE_PERCENT / DISCOVERY_DENIAL_MIN_ATTEMPTS).
export const USAGE_FLAGS = ['fraud', 'denial-rate'] as const;
// Which usage rows a service's users (or a user's services) list: successful use (the default) or any attempt.
export const USAGE_INCLUDES = ['successful', 'all'] as const;

// Cursor pagination: `cursor` is the opaque `nextCursor` of the previous page (only valid with the same sort).
const page = {
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(1024).optional(),
};
const searchText = z.string().trim().min(1).max(200);
// Every manual command says who did it (the gateway passes its API key's name) and may say why.
const actorFields = { actor: z.string().trim().min(1).max(200), note: z.string().max(2000).optional() };

export const serviceListRequestSchema = z
  .object({
    accountId,
    status: z.enum(SERVICE_STATUSES).optional(),
    q: searchText.optional(),
    matched: z.boolean().optional(),
    lastSeenSince: isoDateTime.optional(),
    // Services merged into another are hidden unless asked for.
    includeMerged: z.boolean().default(false),
    sort: z.enum(SERVICE_SORTS).default('-lastSeen'),
    ...page,
  })
  .strict();

const count = z.number().int().nonnegative();
// Duo's `reason` of denied and fraud outcomes, with how many attempts gave it (most frequent first).
export const denialReasonSchema = z.object({ reason: z.string(), count });

// What every service and user view says about outcomes: a user *uses* a service when they authenticated
// to it successfully (Duo result success, event type authentication); denied and fraud attempts are counted
// apart, with their reasons, and flag the service or user when unusual.
const outcomeFields = {
  // Successful authentications.
  successCount: count,
  // Denied and fraud attempts together (fraud is a denial Duo flagged).
  denialCount: count,
  fraudCount: count,
  denialReasons: z.array(denialReasonSchema),
  flags: z.array(z.enum(USAGE_FLAGS)),
};

export const serviceViewSchema = z.object({
  id: serviceId,
  accountId,
  applicationKey: z.string(),
  name: z.string(),
  // Users who authenticated to it successfully.
  userCount: count,
  // Users with any attempt (successful or not).
  attemptedUserCount: count,
  authCount: count,
  ...outcomeFields,
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  status: z.enum(SERVICE_STATUSES),
  catalog: catalogMatchSchema.nullable(),
  // Set when a person merged this service into another one (the product it belongs to).
  mergedInto: serviceId.nullable(),
});
export type ServiceView = z.infer<typeof serviceViewSchema>;

export const activeUsersSchema = z.object({
  days7: z.number().int().nonnegative(),
  days30: z.number().int().nonnegative(),
  days90: z.number().int().nonnegative(),
});

export const serviceDetailSchema = serviceViewSchema.extend({
  activeUsers: activeUsersSchema,
  // Services merged into this one.
  merged: z.array(serviceViewSchema),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

export const serviceIdRequestSchema = z.object({ id: serviceId }).strict();
export const userIdRequestSchema = z.object({ id: userId }).strict();

const include = z.enum(USAGE_INCLUDES).default('successful');
export const serviceUsersRequestSchema = z
  .object({ id: serviceId, include, sort: z.enum(USAGE_SORTS).default('-lastSeen'), ...page })
  .strict();
export const userServicesRequestSchema = z
  .object({ id: userId, include, sort: z.enum(USAGE_SORTS).default('-lastSeen'), ...page })
  .strict();

// A usage row's outcomes: `count` is every attempt, the rest split it.
const usageFields = {
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  count,
  successCount: count,
  deniedCount: count,
  fraudCount: count,
  // The last successful authentication; null when every attempt failed.
  lastSuccess: isoDateTime.nullable(),
};

export const serviceUserViewSchema = z.object({
  userId,
  userKey: z.string(),
  username: z.string(),
  realName: z.string().nullable(),
  email: z.string().nullable(),
  ...usageFields,
});
export const userServiceViewSchema = z.object({
  serviceId,
  applicationKey: z.string(),
  name: z.string(),
  status: z.enum(SERVICE_STATUSES),
  catalog: catalogMatchSchema.nullable(),
  ...usageFields,
});

export const matchRequestSchema = z
  .object({ id: serviceId, productId: z.string().min(1).max(200), ...actorFields })
  .strict();
export const mergeRequestSchema = z.object({ id: serviceId, intoId: serviceId, ...actorFields }).strict();
export const ignoreRequestSchema = z.object({ id: serviceId, ...actorFields }).strict();
// Un-match: no catalog product, and automatic matching leaves the service alone until a person matches it.
export const unmatchRequestSchema = z.object({ id: serviceId, ...actorFields }).strict();
export const unignoreRequestSchema = z.object({ id: serviceId, ...actorFields }).strict();

export const actionViewSchema = z.object({
  id: z.string(),
  accountId,
  serviceId,
  serviceName: z.string(),
  action: z.enum(ACTION_KINDS),
  automatic: z.boolean(),
  actor: z.string(),
  note: z.string().nullable(),
  catalog: catalogMatchSchema.nullable(),
  intoServiceId: serviceId.nullable(),
  at: isoDateTime,
});
export type ActionView = z.infer<typeof actionViewSchema>;
export const actionListRequestSchema = z
  .object({ accountId, serviceId: serviceId.optional(), automatic: z.boolean().optional(), ...page })
  .strict();

export const userListRequestSchema = z
  .object({
    accountId,
    // Duo's user status (from the latest users snapshot).
    status: z.enum(DUO_USER_STATUSES).optional(),
    // true: only users missing from the latest complete snapshot; false: only present ones.
    removed: z.boolean().optional(),
    q: searchText.optional(),
    enrolled: z.boolean().optional(),
    // Last seen: the last authentication attempt of any outcome.
    lastSeenBefore: isoDateTime.optional(),
    lastSeenAfter: isoDateTime.optional(),
    // The last successful authentication (a user who never authenticated successfully is before any time).
    lastSuccessBefore: isoDateTime.optional(),
    lastSuccessAfter: isoDateTime.optional(),
    sort: z.enum(USER_SORTS).default('-lastSeen'),
    ...page,
  })
  .strict();

export const userViewSchema = z.object({
  id: userId,
  accountId,
  userKey: z.string(),
  username: z.string(),
  realName: z.string().nullable(),
  email: z.string().nullable(),
  // From the users snapshot; null for a user seen only in logs so far.
  status: z.enum(DUO_USER_STATUSES).nullable(),
  enrolled: z.boolean().nullable(),
  lastLogin: isoDateTime.nullable(),
  groups: z.array(z.string()),
  // From the auth logs; null for a user who never authenticated.
  firstSeen: isoDateTime.nullable(),
  lastSeen: isoDateTime.nullable(),
  lastSuccess: isoDateTime.nullable(),
  authCount: count,
  ...outcomeFields,
  // Services the user authenticated to successfully.
  serviceCount: count,
  removed: z.boolean(),
  removedAt: isoDateTime.nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const accountSummarySchema = z.object({
  accountId,
  services: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  // Waiting for a person: status new and no catalog match.
  unmatched: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
  // Services first seen in the last 7 days.
  newThisWeek: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
  removedUsers: z.number().int().nonnegative(),
  authCount: z.number().int().nonnegative(),
  lastSeen: isoDateTime.nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const catalogProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  category: z.string(),
  domain: z.string(),
  aliases: z.array(z.string()),
  // Added through the API (editable); built-in products come with the code.
  custom: z.boolean().default(false),
  vendorUrl: z.string().nullable().default(null),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

// A custom catalog entry as created or edited through the API. Its id is derived from the name when
// not given (lower-case, dashes); names and aliases must not be another product's.
export const catalogProductId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits, -');
const catalogText = z.string().trim().min(1).max(200);
const catalogEntryFields = {
  name: catalogText,
  aliases: z.array(catalogText).max(50).default([]),
  category: catalogText,
  vendor: catalogText.optional(),
  vendorUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
};
export const catalogCreateRequestSchema = z
  .object({ id: catalogProductId.optional(), ...catalogEntryFields, ...actorFields })
  .strict();
export const catalogUpdateRequestSchema = z
  .object({
    id: catalogProductId,
    name: catalogText.optional(),
    aliases: z.array(catalogText).max(50).optional(),
    category: catalogText.optional(),
    vendor: catalogText.optional(),
    vendorUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    ...actorFields,
  })
  .strict();
// What a catalog change did: the product, the new catalog version, and how many services were re-matched.
export const catalogChangeSchema = z.object({
  product: catalogProductSchema,
  version: z.string(),
  rematched: count,
});

// Unused seats of one account: billable users (every user of the latest snapshot but those pending
// deletion or removed) that could be reclaimed. Each reclaimable user has one reason, the first that
// applies: never enrolled; denied-only (attempts in the window, none successful); inactive (no
// successful authentication in the window, and no attempt either).
export const RECLAIM_REASONS = ['never-enrolled', 'denied-only', 'inactive'] as const;
export const UNUSED_AFTER_DAYS_DEFAULT = 30;
export const unusedAfterDays = z.number().int().min(1).max(365);
export const seatSettingsSchema = z.object({ accountId, unusedAfterDays });
export const seatSettingsRequestSchema = z.object({ accountId, unusedAfterDays, ...actorFields }).strict();
export const seatsSchema = z.object({
  accountId,
  unusedAfterDays,
  billableUsers: count,
  activeUsers: activeUsersSchema,
  reclaimable: count,
  neverEnrolled: count,
  deniedOnly: count,
  inactive: count,
});
export type Seats = z.infer<typeof seatsSchema>;
export const seatsResponseSchema = z.object({
  items: z.array(seatsSchema),
  total: z.object({ billableUsers: count, reclaimable: count }),
});
export const reclaimableRequestSchema = z
  .object({
    accountId,
    reason: z.enum(RECLAIM_REASONS).optional(),
    sort: z.enum(['username', '-username', 'lastSuccess', '-lastSuccess']).default('lastSuccess'),
    ...page,
  })
  .strict();
export const reclaimableUserSchema = z.object({
  id: userId,
  accountId,
  userKey: z.string(),
  username: z.string(),
  realName: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(DUO_USER_STATUSES).nullable(),
  enrolled: z.boolean().nullable(),
  lastLogin: isoDateTime.nullable(),
  lastSeen: isoDateTime.nullable(),
  lastSuccess: isoDateTime.nullable(),
  reason: z.enum(RECLAIM_REASONS),
});
export type ReclaimableUser = z.infer<typeof reclaimableUserSchema>;

// Services across every account, grouped by catalog product when matched, else by normalized name.
// `id` is `product:<productId>` or `name:<normalized name>`.
export const groupId = z.string().regex(/^(product|name):\S{1,256}$/, 'must be product:<id> or name:<normalized>');
export const GROUP_SORTS = [
  'name',
  '-name',
  'customers',
  '-customers',
  'users',
  '-users',
  'firstSeen',
  '-firstSeen',
  'lastSeen',
  '-lastSeen',
] as const;
export const groupListRequestSchema = z
  .object({
    q: searchText.optional(),
    matched: z.boolean().optional(),
    sort: z.enum(GROUP_SORTS).default('-customers'),
    ...page,
  })
  .strict();
export const groupViewSchema = z.object({
  id: groupId,
  name: z.string(),
  productId: z.string().nullable(),
  category: z.string().nullable(),
  // Accounts using it, users who used it successfully (summed over accounts), services behind it.
  customers: count,
  users: count,
  services: count,
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
});
export type GroupView = z.infer<typeof groupViewSchema>;
export const groupAccountSchema = z.object({
  accountId,
  users: count,
  serviceIds: z.array(serviceId),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
});
export const groupDetailSchema = groupViewSchema.extend({ accounts: z.array(groupAccountSchema) });
export const groupIdRequestSchema = z.object({ id: groupId }).strict();
