import { z } from 'zod';
import { baseEnvSchema } from '@seatwise/shared/config/env';

// docker-compose's one-shot `bus-setup` service: how it reaches NATS as the `provisioner` identity, the one
// allowed to create and update streams. Its password comes from /secrets/bus-setup.env.
export const busSetupEnvSchema = baseEnvSchema
  .pick({
    NATS_URL: true,
    NATS_TLS_CA_FILE: true,
    NATS_TLS_CERT_FILE: true,
    NATS_TLS_KEY_FILE: true,
    SEATWISE_BUS_PREFIX: true,
  })
  .extend({
    NATS_USER: baseEnvSchema.shape.NATS_USER.unwrap().default('provisioner'),
    NATS_PASSWORD: baseEnvSchema.shape.NATS_PASSWORD.unwrap(),
    // On a JetStream cluster (docker-compose.scale.yml: 3), each stream's copies; absent, the server's default, 1.
    SEATWISE_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).optional(),
  });

export type BusSetupEnv = ReturnType<typeof busSetupEnvSchema.parse>;
