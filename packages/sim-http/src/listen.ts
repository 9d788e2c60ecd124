import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Binds the simulator's server and resolves with its "host:port" as it stands in a URL (an IPv6 host in brackets);
// with port 0 that is the port the kernel picked.
export function listen(server: Server, port: number, host: string): Promise<string> {
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
