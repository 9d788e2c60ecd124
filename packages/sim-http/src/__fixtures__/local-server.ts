import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../listen';

export interface LocalServer {
  url: string;
  close: () => Promise<void>;
}

// A real HTTP server on a free loopback port around one handler, for the specs of the helpers it uses.
export async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const server = createServer(handler);
  const hostPort = await listen(server, 0, '127.0.0.1');
  return { url: `http://${hostPort}`, close: () => closeServer(server) };
}
