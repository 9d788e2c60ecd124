import { connect } from 'node:net';
import { waitUntil } from './wait';

// True when something accepts a TCP connection there within the timeout.
export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => {
      finish(false);
    });
    socket.once('connect', () => {
      finish(true);
    });
    socket.once('error', () => {
      finish(false);
    });
  });
}

export interface WaitForPortOptions {
  // Named in the timeout message, with the address.
  what: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

// A server counts as started once it accepts connections: nats-server, mongod and FerretDB all listen last.
export function waitForPort(host: string, port: number, options: WaitForPortOptions): Promise<void> {
  return waitUntil(() => canConnect(host, port), {
    timeoutMs: options.timeoutMs ?? 30_000,
    intervalMs: 50,
    what: `${options.what} on ${host}:${port}`,
    signal: options.signal,
  });
}
