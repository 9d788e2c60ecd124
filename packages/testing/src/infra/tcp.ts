import { connect } from 'node:net';
import { waitFor } from '../wait';

export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => { finish(false); });
    socket.once('connect', () => { finish(true); });
    socket.once('error', () => { finish(false); });
  });
}

export async function waitForPort(host: string, port: number, what: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(() => canConnect(host, port), { timeoutMs, intervalMs: 50, description: `${what} on ${host}:${port}` });
}
