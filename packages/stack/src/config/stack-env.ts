import { z } from 'zod';

// `on`/`off` (also true/false), as people type them in a shell.
const onOff = (fallback: 'on' | 'off') =>
  z
    .enum(['on', 'off', 'true', 'false'], { message: 'must be on or off' })
    .default(fallback)
    .transform((value) => value === 'on' || value === 'true');

// 0 picks a free port at start-up (tests run several stacks side by side).
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

// The stack runner's own environment (`npm run stack`, the docker-compose `demo` service reads the SEATWISE_DEMO* keys).
export const stackEnvSchema = z.object({
  SEATWISE_DEMO: onOff('on').describe(
    'Seed the simulators as a small MSP and configure Seatwise through its API (on/off).',
  ),
  SEATWISE_DEMO_ACCOUNTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(5)
    .describe('Duo child accounts the Duo simulator serves.'),
  SEATWISE_DEMO_USERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(40)
    .describe('Duo users per simulated account.'),
  SEATWISE_DEMO_EVENTS: z.coerce
    .number()
    .int()
    .min(0)
    .max(5_000_000)
    .default(20_000)
    .describe('Authentication events of the simulated history, over all accounts.'),
  SEATWISE_DEMO_LIVE: onOff('on').describe('Keep generating new authentication events after start-up (on/off).'),
  SEATWISE_STACK_DIR: z
    .string()
    .min(1)
    .optional()
    .describe('Where the stack keeps its data, secrets and stack.json (default: .seatwise/ in the repo).'),
  SEATWISE_GATEWAY_PORT: port(3000).describe('Gateway HTTP port (0 = any free port).'),
  SEATWISE_CONNECTOR_PORT: port(3001).describe('duo-connector health/metrics port.'),
  SEATWISE_DISCOVERY_PORT: port(3002).describe('discovery health port.'),
  SEATWISE_RECONCILE_PORT: port(3003).describe('reconcile health port.'),
  SEATWISE_ALERTS_PORT: port(3004).describe('alerts health port.'),
  SEATWISE_DUO_SIM_PORT: port(3010).describe('Duo simulator port.'),
  SEATWISE_PSA_SIM_PORT: port(3011).describe('ConnectWise (PSA) simulator port.'),
  SEATWISE_NATS_PORT: port(4223).describe(
    'nats-server client port (not 4222, where a system nats-server service often listens).',
  ),
  SEATWISE_MONGO_PORT: port(27018).describe(
    'mongod / FerretDB port (not 27017, which an installed MongoDB service often has).',
  ),
  SEATWISE_MAILPIT_SMTP_PORT: port(1025).describe('Mailpit SMTP port (where alert emails are sent).'),
  SEATWISE_MAILPIT_HTTP_PORT: port(8025).describe('Mailpit web inbox port (read the alert emails there).'),
  SEATWISE_STARTUP_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(180_000)
    .describe('How long every health check may take to turn green.'),
});

export type StackEnv = z.infer<typeof stackEnvSchema>;

export const PORT_KEYS = [
  'SEATWISE_GATEWAY_PORT',
  'SEATWISE_CONNECTOR_PORT',
  'SEATWISE_DISCOVERY_PORT',
  'SEATWISE_RECONCILE_PORT',
  'SEATWISE_ALERTS_PORT',
  'SEATWISE_DUO_SIM_PORT',
  'SEATWISE_PSA_SIM_PORT',
  'SEATWISE_NATS_PORT',
  'SEATWISE_MONGO_PORT',
  'SEATWISE_MAILPIT_SMTP_PORT',
  'SEATWISE_MAILPIT_HTTP_PORT',
] as const;
export type PortKey = (typeof PORT_KEYS)[number];
