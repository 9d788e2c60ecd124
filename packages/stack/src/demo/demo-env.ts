import { z } from 'zod';
import { stackEnvSchema } from '../config/stack-env';

// docker-compose's one-shot `demo` service: where the gateway and the simulators answer inside the
// compose network, and the admin key (sourced from the secrets volume).
export const demoEnvSchema = z.object({
  SEATWISE_DEMO: stackEnvSchema.shape.SEATWISE_DEMO,
  SEATWISE_GATEWAY_URL: z.url().describe('The gateway as the demo service reaches it (compose: http://gateway:3000).'),
  SEATWISE_PUBLIC_GATEWAY_URL: z
    .url()
    .default('http://localhost:3000')
    .describe('The gateway as people reach it, for the printed links.'),
  SEATWISE_DUO_SIM_URL: z
    .url()
    .describe("The Duo simulator as the connector reaches it; also the integration's API hostname."),
  SEATWISE_PSA_SIM_URL: z
    .url()
    .describe("The ConnectWise simulator as reconcile reaches it; also the connection's site URL."),
  SEATWISE_ADMIN_API_KEY: z.string().min(24).describe("The gateway's bootstrap admin key."),
});
