import { z } from 'zod';
import { accountId, isoDateTime } from './common';

export const MATCH_METHODS = ['exact', 'alias', 'normalized', 'manual', 'merge'] as const;

// How a discovered service maps to a SaaS catalog product; `method` says how it was decided.
export const catalogMatchSchema = z.object({
  productId: z.string().min(1),
  productName: z.string(),
  method: z.enum(MATCH_METHODS),
  vendor: z.string().optional(),
  category: z.string().optional(),
  domain: z.string().optional(),
  // The catalog version that made the match (built-in version + custom entries' revision); absent on
  // matches made before versions were recorded.
  catalogVersion: z.string().optional(),
});
export type CatalogMatch = z.infer<typeof catalogMatchSchema>;

export const serviceDiscoveredEventSchema = z.object({
  accountId,
  serviceId: z.string().min(1),
  applicationKey: z.string().min(1),
  name: z.string(),
  firstSeen: isoDateTime,
  catalog: catalogMatchSchema.nullable(),
});
export type ServiceDiscoveredEvent = z.infer<typeof serviceDiscoveredEventSchema>;

export const userDiscoveredEventSchema = z.object({
  accountId,
  userKey: z.string().min(1),
  username: z.string(),
  firstSeen: isoDateTime,
  // Added with the users inventory: the id discovery.users.get takes.
  userId: z.string().min(1).optional(),
});
export type UserDiscoveredEvent = z.infer<typeof userDiscoveredEventSchema>;

// A service was matched to a catalog product: automatically on discovery, or by a person.
export const serviceMatchedEventSchema = z.object({
  accountId,
  serviceId: z.string().min(1),
  applicationKey: z.string().min(1),
  name: z.string(),
  catalog: catalogMatchSchema,
  automatic: z.boolean(),
  actor: z.string(),
  // The action log entry that recorded it.
  actionId: z.string().min(1),
  at: isoDateTime,
});
export type ServiceMatchedEvent = z.infer<typeof serviceMatchedEventSchema>;

// An account's seat usage as discovery last derived it (after a users snapshot or an auth-log batch changed it):
// what alerts and reconcile read, so neither needs discovery's database. `revision` only grows per account.
export const accountUsageEventSchema = z.object({
  accountId,
  revision: z.number().int().nonnegative(),
  // Users Duo counts as seats (every user but those pending deletion).
  billableUsers: z.number().int().nonnegative(),
  // Users with a successful authentication in the last 7/30/90 days.
  activeUsers: z.object({
    d7: z.number().int().nonnegative(),
    d30: z.number().int().nonnegative(),
    d90: z.number().int().nonnegative(),
  }),
  // Billable users with no successful authentication for `unusedAfterDays` days, never enrolled, or whose only
  // recent activity was denied: seats that could be reclaimed. Each user counts once.
  reclaimable: z.number().int().nonnegative(),
  unusedAfterDays: z.number().int().positive(),
  at: isoDateTime,
});
export type AccountUsageEvent = z.infer<typeof accountUsageEventSchema>;
