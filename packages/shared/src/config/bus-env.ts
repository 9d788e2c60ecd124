import { type BusConnectOptions, type BusTlsFiles, urlCredentials } from '../bus/connect';
import { inboxPrefix } from '../bus/permissions';
import type { ServiceName } from '../contracts/rpc-definition';
import { type BaseEnv, ConfigError } from './env';

export type BusEnv = Pick<
  BaseEnv,
  'NATS_URL' | 'NATS_USER' | 'NATS_PASSWORD' | 'NATS_TLS_CA_FILE' | 'NATS_TLS_CERT_FILE' | 'NATS_TLS_KEY_FILE'
>;

// How a service connects to the bus, from its env: as the NATS user named like the service (unless
// NATS_USER says otherwise) when it has a password, else as the user a NATS_URL may carry
// (nats://user:password@host), else unauthenticated; over TLS when files are given.
export function busConnectOptions(
  env: BusEnv,
  service: ServiceName,
): Pick<BusConnectOptions, 'url' | 'credentials' | 'inboxPrefix' | 'tls'> {
  const credentials =
    env.NATS_PASSWORD === undefined
      ? urlCredentials(env.NATS_URL)
      : { user: env.NATS_USER ?? service, pass: env.NATS_PASSWORD };
  if ((env.NATS_TLS_CERT_FILE === undefined) !== (env.NATS_TLS_KEY_FILE === undefined)) {
    throw new ConfigError([
      {
        key: 'NATS_TLS_CERT_FILE',
        message: 'a client certificate needs both NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE',
      },
    ]);
  }
  const tlsFiles = busTlsFiles(env);
  return {
    url: env.NATS_URL,
    inboxPrefix: inboxPrefix(credentials?.user ?? service),
    ...(credentials === undefined ? {} : { credentials }),
    ...(tlsFiles === undefined ? {} : { tls: tlsFiles }),
  };
}

// The TLS files an env names, or undefined when it names none (the connection is then plain unless its URL says tls).
export function busTlsFiles(
  env: Pick<BusEnv, 'NATS_TLS_CA_FILE' | 'NATS_TLS_CERT_FILE' | 'NATS_TLS_KEY_FILE'>,
): BusTlsFiles | undefined {
  const files = {
    ...(env.NATS_TLS_CA_FILE === undefined ? {} : { caFile: env.NATS_TLS_CA_FILE }),
    ...(env.NATS_TLS_CERT_FILE === undefined ? {} : { certFile: env.NATS_TLS_CERT_FILE }),
    ...(env.NATS_TLS_KEY_FILE === undefined ? {} : { keyFile: env.NATS_TLS_KEY_FILE }),
  };
  return Object.keys(files).length === 0 ? undefined : files;
}
