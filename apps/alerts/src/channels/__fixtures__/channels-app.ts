import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import { connectSpecBus, type SpecBus } from '@seatwise/platform/testing/spec-bus';
import { createServiceApp } from '@seatwise/platform/bootstrap/create-service-app';
import { envSchema, type Env } from '@seatwise/shared/config/alerts-env';
import { parseEnv } from '@seatwise/shared/config/env';
import { createLogger } from '@seatwise/shared/logging/logger';
import { harnessMailpit } from '@seatwise/testing/mailpit';
import { createTestScope, serviceEnv, type TestScope } from '@seatwise/testing/scope';
import { testEncryptionKeys } from '@seatwise/testing/service-env';
import { ChannelDirectory } from '../channel-directory';
import { ChannelsModule } from '../channels.module';

// The alerts service with only its channels feature, as main wires a service (env, platform, RPC server): what the
// channel specs need without rules, consumers or the dispatcher.
const channelsOnly: ServiceDefinition<Env> = {
  name: 'alerts',
  version: '0.0.0-test',
  imports: () => [ChannelsModule],
  rpc: true,
};

export interface ChannelsApp extends SpecBus {
  scope: TestScope;
  // What the rules and the dispatcher use in-process (the channels module's export).
  directory: ChannelDirectory;
  close(): Promise<void>;
}

// Email goes to the harness's Mailpit; `extra` adds the outbound allow-list of the spec's receivers.
export async function startChannelsApp(extra: Record<string, string> = {}): Promise<ChannelsApp> {
  const scope = createTestScope();
  const mailpit = harnessMailpit();
  const env = serviceEnv(scope, {
    ...testEncryptionKeys(),
    ALERTS_SMTP_HOST: mailpit.smtpHost,
    ALERTS_SMTP_PORT: String(mailpit.smtpPort),
    ALERTS_WEBHOOK_TIMEOUT_MS: '2000',
    ...extra,
  });
  const parsed = parseEnv(envSchema, env);
  const { app } = await createServiceApp(channelsOnly, parsed, createLogger('alerts', parsed.LOG_LEVEL));
  const bus = await connectSpecBus(scope, 'channels-spec', 15_000);
  return {
    scope,
    directory: app.get(ChannelDirectory),
    ...bus,
    async close() {
      await app.close();
      await bus.nc.close();
      await scope.cleanup();
    },
  };
}
