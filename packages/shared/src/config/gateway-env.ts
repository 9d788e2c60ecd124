import { z } from 'zod';
import { baseEnvSchema } from './env';

export const envSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGO_DB: baseEnvSchema.shape.MONGO_DB.default('seatwise_gateway'),
});

export type Env = z.infer<typeof envSchema>;
