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
] as const;
export const USAGE_SORTS = ['lastSeen', '-lastSeen', 'count', '-count'] as const;
export const ACTION_KINDS = ['match', 'merge', 'ignore'] as const;

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

export const serviceViewSchema = z.object({
  id: serviceId,
  accountId,
  applicationKey: z.string(),
  name: z.string(),
  userCount: z.number().int().nonnegative(),
  authCount: z.number().int().nonnegative(),
  successCount: z.number().int().nonnegative(),
  denialCount: z.number().int().nonnegative(),
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

export const serviceUsersRequestSchema = z
  .object({ id: serviceId, sort: z.enum(USAGE_SORTS).default('-lastSeen'), ...page })
  .strict();
export const userServicesRequestSchema = z
  .object({ id: userId, sort: z.enum(USAGE_SORTS).default('-lastSeen'), ...page })
  .strict();

export const serviceUserViewSchema = z.object({
  userId,
  userKey: z.string(),
  username: z.string(),
  realName: z.string().nullable(),
  email: z.string().nullable(),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  count: z.number().int().nonnegative(),
});
export const userServiceViewSchema = z.object({
  serviceId,
  applicationKey: z.string(),
  name: z.string(),
  status: z.enum(SERVICE_STATUSES),
  catalog: catalogMatchSchema.nullable(),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  count: z.number().int().nonnegative(),
});

export const matchRequestSchema = z
  .object({ id: serviceId, productId: z.string().min(1).max(200), ...actorFields })
  .strict();
export const mergeRequestSchema = z.object({ id: serviceId, intoId: serviceId, ...actorFields }).strict();
export const ignoreRequestSchema = z.object({ id: serviceId, ...actorFields }).strict();

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
  authCount: z.number().int().nonnegative(),
  serviceCount: z.number().int().nonnegative(),
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
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;
