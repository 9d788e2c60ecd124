import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Idle keep-alive connections are kept as a load balancer in front of the real API would (AWS's default idle timeout
// is 60 s), not Node's 5 s: Duo's official Python client sleeps 1, 2, 4 … 32 s between 429 retries on the same
// connection, and a server that dropped it sooner failed that client where Duo does not.
export const IDLE_KEEP_ALIVE_MS = 65_000;

// Binds the simulator's server and resolves with its "host:port" as it stands in a URL (an IPv6 host in brackets);
// with port 0 that is the port the kernel picked.
export function listen(server: Server, port: number, host: string): Promise<string> {
  server.keepAliveTimeout = IDLE_KEEP_ALIVE_MS;
  // Node requires the header timeout to outlast the keep-alive one, or a reused connection can be cut mid-request.
  server.headersTimeout = IDLE_KEEP_ALIVE_MS + 1_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo; // a TCP listener always reports an AddressInfo
      resolve(`${host.includes(':') ? `[${host}]` : host}:${address.port}`);
    });
  });
}

// Stops listening and drops the open (keep-alive) connections, so close() does not wait for clients to leave.
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
    server.closeAllConnections();
  });
}
