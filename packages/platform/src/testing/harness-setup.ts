import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUS_IDENTITIES, type BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { natsServerConfig } from '@seatwise/shared/bus/nats-server-config';
import globalSetup from '@seatwise/testing/jest/global-setup';

// The integration project's global setup: the bus runs authorized, as deployments do. Each service in a
// spec connects as its own NATS user with its own permissions (bus/permissions.ts, for any prefix since
// every test file has its own); spec drivers connect as `harness`, which may do anything. Every service
// identity shares one password here: what is under test is what each identity may do, not the secrecy of
// passwords between test services. A NATS_URL from the environment runs as it is (no authorization).
export default async function harnessSetup(): Promise<void> {
  if (!process.env['NATS_URL']) writeHarnessBusAuth();
  await globalSetup();
}

function writeHarnessBusAuth(): void {
  const servicePassword = randomBytes(24).toString('hex');
  const harnessPassword = randomBytes(24).toString('hex');
  const passwords = Object.fromEntries(BUS_IDENTITIES.map((identity) => [identity, servicePassword])) as Record<
    BusIdentity,
    string
  >;
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-bus-auth-'));
  const configFile = join(dir, 'nats.json');
  writeFileSync(configFile, natsServerConfig({ passwords, prefix: null, harnessPassword }), { mode: 0o600 });
  // Test workers are forked after this and inherit the environment; dedicated servers started by specs
  // (outage tests) read the same file.
  process.env['SEATWISE_TEST_NATS_CONFIG'] = configFile;
  process.env['SEATWISE_TEST_NATS_HARNESS_PASSWORD'] = harnessPassword;
  process.env['SEATWISE_TEST_NATS_SERVICE_PASSWORD'] = servicePassword;
}
