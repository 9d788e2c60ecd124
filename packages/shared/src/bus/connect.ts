import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface BusConnectOptions {
  url: string;
  name: string;
  // Wait for the server on the first connect instead of failing at once (services start in any order).
  waitOnFirstConnect?: boolean;
  timeoutMs?: number;
}

// Reconnects forever with jitter: a NATS restart must never require restarting a service.
export async function connectBus(options: BusConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url.split(',').map((s) => s.trim()),
    name: options.name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 250,
    waitOnFirstConnect: options.waitOnFirstConnect ?? false,
    timeout: options.timeoutMs ?? 5_000,
    pingInterval: 5_000,
    maxPingOut: 2,
  });
}

export type { NatsConnection };
