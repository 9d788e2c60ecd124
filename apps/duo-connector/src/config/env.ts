import { z } from 'zod';
import { baseEnvSchema } from '@seatwise/shared/config/env';

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_connector'),
});

export type Env = z.infer<typeof envSchema>;
