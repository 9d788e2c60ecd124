import { randomBytes } from 'node:crypto';

// A fresh encryption key ring for a service that stores secrets (connector, reconcile).
export function testEncryptionKeys(): Record<string, string> {
  return { SEATWISE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` };
}

// The connector against a simulator: fast pacing and retries, since the simulator has no real budget to
// protect and specs must not wait; `maxAttempts` is how long a spec lets it retry Duo.
export function fastConnectorEnv(maxAttempts: number): Record<string, string> {
  return {
    ...testEncryptionKeys(),
    CONNECTOR_LOGS_PER_MINUTE: '60000',
    CONNECTOR_LOG_POLL_INTERVAL_MS: '2000',
    CONNECTOR_OBJECTS_PER_MINUTE: '60000',
    CONNECTOR_DUO_RETRY_BASE_MS: '2',
    CONNECTOR_DUO_RATE_LIMIT_RETRY_BASE_MS: '5',
    CONNECTOR_DUO_MAX_ATTEMPTS: String(maxAttempts),
  };
}

// The outbound policy's operator allowance for simulators and stub servers: each base URL's exact host:port (a
// service refuses every other local endpoint, as it would in production).
export function outboundAllowEnv(...baseUrls: string[]): Record<string, string> {
  const endpoints = baseUrls.map((base) => {
    const url = new URL(base);
    return `${url.hostname}:${url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80'}`;
  });
  return { SEATWISE_OUTBOUND_ALLOW: [...new Set(endpoints)].join(',') };
}
