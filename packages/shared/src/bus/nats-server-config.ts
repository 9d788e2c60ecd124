import type { BusIdentity } from '../contracts/bus-identities';
import { BUS_IDENTITIES } from '../contracts/bus-identities';
import { type BusPermissions, busPermissions } from './permissions';

export interface NatsServerTls {
  certFile: string;
  keyFile: string;
}

export interface NatsServerAuthOptions {
  // One password per identity (generated with the other secrets).
  passwords: Record<BusIdentity, string>;
  // The deployment's prefix, or null for the test harness (see busPermissions).
  prefix: string | null;
  // The test harness's own user, unrestricted: spec drivers publish, sniff and clean up as it.
  harnessPassword?: string;
  tls?: NatsServerTls;
}

// The authorization (and TLS) part of a nats-server configuration file: one user per bus identity with
// exactly its permissions. Listen address, JetStream and store directory stay on the command line.
// The file is JSON, which nats-server's configuration format accepts; quoted strings keep `$JS.…`
// from being read as variables.
export function natsServerConfig(options: NatsServerAuthOptions): string {
  const users: object[] = BUS_IDENTITIES.map((identity) => ({
    user: identity,
    password: options.passwords[identity],
    permissions: permissionsBlock(busPermissions(identity, options.prefix)),
  }));
  if (options.harnessPassword !== undefined) users.push({ user: 'harness', password: options.harnessPassword });
  const config: Record<string, unknown> = { authorization: { users } };
  if (options.tls) {
    config['tls'] = { cert_file: options.tls.certFile, key_file: options.tls.keyFile, timeout: 5 };
  }
  return `${JSON.stringify(config, null, 2)}\n`;
}

function permissionsBlock(permissions: BusPermissions): object {
  return {
    publish: {
      allow: permissions.publish,
      ...(permissions.publishDeny.length > 0 ? { deny: permissions.publishDeny } : {}),
    },
    subscribe: { allow: permissions.subscribe },
    ...(permissions.allowResponses ? { allow_responses: true } : {}),
  };
}
