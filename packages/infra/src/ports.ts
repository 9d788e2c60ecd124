import { createServer } from 'node:net';

// Asks the kernel for a free port. A tiny race remains until the server binds it; callers then fail to start
// and name the port (the stack) or pick another (the harness).
export function freePort(host = '127.0.0.1'): Promise<number> {
  return listenOnce(0, host).then((port) => {
    if (port === null) throw new Error('the kernel assigned no port');
    return port;
  });
}

// True when nothing listens on the port (so a child can bind it).
export async function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return (await listenOnce(port, host)) !== null;
}

function listenOnce(port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => {
      resolve(null);
    });
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : null);
      });
    });
  });
}
