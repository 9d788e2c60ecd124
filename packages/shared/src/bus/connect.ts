import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface BusCredentials {
  user: string;
  pass: string;
}

export interface BusTlsFiles {
  // The CA that signed the server's certificate (else the system's CAs).
  caFile?: string;
  // A client certificate, for servers that verify clients.
  certFile?: string;
  keyFile?: string;
}

export interface BusConnectOptions {
  url: string;
  name: string;
  // The NATS user this connection is (its identity's permissions apply); none on an open bus.
  credentials?: BusCredentials;
  // Request replies arrive under this prefix; each identity may subscribe only to its own.
  inboxPrefix?: string;
  tls?: BusTlsFiles;
  // Wait for the server on the first connect instead of failing at once (services start in any order).
  waitOnFirstConnect?: boolean;
  timeoutMs?: number;
  // Stack traces from the calling code on request failures (costly; for debugging).
  asyncTraces?: boolean;
}

// The server list of a NATS_URL. Credentials given separately win over any in the URL, which are
// removed so a URL shared with a more powerful identity cannot widen this one.
export function busServers(url: string, credentials?: BusCredentials): string[] {
  const servers = url.split(',').map((s) => s.trim());
  return credentials === undefined ? servers : servers.map(withoutUserInfo);
}

// `nats://user:password@host:4222`: nats.js ignores credentials in a URL, so they are taken out here.
export function urlCredentials(url: string): BusCredentials | undefined {
  const match = /^[a-z]+:\/\/([^:@/]+):([^@/]*)@/i.exec(url.split(',')[0]?.trim() ?? '');
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { user: decodeURIComponent(match[1]), pass: decodeURIComponent(match[2]) };
}

function withoutUserInfo(server: string): string {
  return server.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1');
}

// Reconnects forever with jitter: a NATS restart must never require restarting a service.
export async function connectBus(options: BusConnectOptions): Promise<NatsConnection> {
  const credentials = options.credentials ?? urlCredentials(options.url);
  return connect({
    servers: busServers(options.url, credentials),
    name: options.name,
    ...(credentials ?? {}),
    ...(options.inboxPrefix === undefined ? {} : { inboxPrefix: options.inboxPrefix }),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 250,
    waitOnFirstConnect: options.waitOnFirstConnect ?? false,
    timeout: options.timeoutMs ?? 5_000,
    pingInterval: 5_000,
    maxPingOut: 2,
    // nats.js otherwise builds two Error objects (stack traces) per request to enrich a possible
    // failure; with a JetStream publish per event that was ~20% of the connector's CPU (profiled).
    // Failures still carry their message and cause.
    noAsyncTraces: options.asyncTraces !== true,
  });
}

export type { NatsConnection };
