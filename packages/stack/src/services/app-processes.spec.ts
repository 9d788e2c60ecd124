import { sealingEnv } from '@seatwise/shared/crypto/sealing-keys';
import { generateSecrets } from '../config/secrets';
import type { PortKey } from '../config/stack-env';
import { type AppContext, appProcesses, APPS } from './app-specs';

const ports = {
  SEATWISE_GATEWAY_PORT: 3000,
  SEATWISE_CONNECTOR_PORT: 3001,
  SEATWISE_DISCOVERY_PORT: 3002,
  SEATWISE_RECONCILE_PORT: 3003,
  SEATWISE_ALERTS_PORT: 3004,
} as Record<PortKey, number>;
const NATS = 'nats://127.0.0.1:4223,nats://127.0.0.1:4224,nats://127.0.0.1:4225';
const secrets = generateSecrets();
const passwords = secrets.busPasswords;
const context: AppContext = {
  root: '/repo',
  natsUrl: NATS,
  mongoUrl: 'mongodb://127.0.0.1:27018/',
  // What run-stack hands out (the SMTP host and outbound list too), each key only to the services declaring it.
  secrets: {
    SEATWISE_ENCRYPTION_KEYS: secrets.encryptionKeys,
    SEATWISE_ADMIN_API_KEY: secrets.adminApiKey,
    ...sealingEnv(secrets.sealingKeys),
    ALERTS_SMTP_HOST: '127.0.0.1',
    ALERTS_SMTP_PORT: '1025',
    SEATWISE_OUTBOUND_ALLOW: '127.0.0.1:3010,127.0.0.1:3011',
  },
  busPasswords: passwords,
  // An operator's NATS_URL (or an instance id, were one read) must not reach every replica alike.
  baseEnv: { PATH: '/bin', NATS_URL: 'nats://elsewhere:4222', PORT: '9999', LOG_LEVEL: 'debug' },
};
const replicaPorts: Partial<Record<PortKey, number[]>> = Object.fromEntries(
  APPS.map((app) => [app.portKey, [ports[app.portKey], ports[app.portKey] + 100]]),
);

describe("the services' processes", () => {
  it('are one per service, named as always, in the default stack', () => {
    const processes = appProcesses(ports, {}, context);
    expect(processes.map((p) => [p.spec.name, p.port])).toEqual([
      ['connector', 3001],
      ['discovery', 3002],
      ['reconcile', 3003],
      ['alerts', 3004],
      ['gateway', 3000],
    ]);
  });

  it('are two of every service with --replicas 2, each named and on its own port', () => {
    const processes = appProcesses(ports, replicaPorts, context);
    expect(processes.map((p) => [p.spec.name, p.spec.env['PORT']])).toEqual([
      ['connector-1', '3001'],
      ['connector-2', '3101'],
      ['discovery-1', '3002'],
      ['discovery-2', '3102'],
      ['reconcile-1', '3003'],
      ['reconcile-2', '3103'],
      ['alerts-1', '3004'],
      ['alerts-2', '3104'],
      ['gateway-1', '3000'],
      ['gateway-2', '3100'],
    ]);
    expect(new Set(processes.map((p) => p.port)).size).toBe(10);
  });

  it("give every replica every cluster node's URL, its service's bus identity and password, and the same database", () => {
    for (const { app, spec } of appProcesses(ports, replicaPorts, context)) {
      expect(spec.env).toMatchObject({
        NATS_URL: NATS,
        NATS_PASSWORD: passwords[app.identity],
        MONGO_URL: 'mongodb://127.0.0.1:27018/',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'debug',
      });
      // Each service's own default database and its NATS user (its name): replicas share both.
      expect(spec.env).not.toHaveProperty('MONGO_DB');
      expect(spec.env).not.toHaveProperty('NATS_USER');
      // Each replica's service parses this environment, the port included.
      const parsed = app.schema.safeParse(spec.env);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('leave the instance id to each process: no replica is handed one, so no two share it', () => {
    // platform/service-info.ts draws it from host, pid and random bytes at start; an env key would be shared.
    for (const { spec } of appProcesses(ports, replicaPorts, context)) {
      expect(Object.keys(spec.env).filter((key) => /INSTANCE|REPLICA/i.test(key))).toEqual([]);
    }
    for (const app of APPS) {
      expect(Object.keys(app.schema.shape).filter((key) => /INSTANCE|REPLICA/i.test(key))).toEqual([]);
    }
  });
});
