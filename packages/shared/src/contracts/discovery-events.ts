import { z } from 'zod';
import { accountId, isoDateTime } from './common';

export const catalogMatchSchema = z.object({
  productId: z.string().min(1),
  productName: z.string(),
  method: z.enum(['exact', 'alias', 'normalized', 'manual']),
});

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
});
export type UserDiscoveredEvent = z.infer<typeof userDiscoveredEventSchema>;
