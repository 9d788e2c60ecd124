import { connect, createServer, type Socket } from 'node:net';

// A TCP proxy in front of the real database server that can stop passing the server's answers on while keeping
// every connection open: a server that accepts requests and never answers, as FerretDB did with its connection
// pool exhausted (#18). Answers held while stalled are dropped, never delivered late.
export class StallingProxy {
  private stalled = false;
  private readonly sockets = new Set<Socket>();

  private readonly server = createServer((client) => {
    this.relay(client);
  });

  private constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  static async start(upstreamHost: string, upstreamPort: number): Promise<StallingProxy> {
    const proxy = new StallingProxy(upstreamHost, upstreamPort);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', resolve);
    });
    return proxy;
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
    return address.port;
  }

  stall(): void {
    this.stalled = true;
  }

  // Connections that were open while stalled carry dropped answers: closing them lets the driver start afresh.
  resume(): void {
    this.stalled = false;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private relay(client: Socket): void {
    const upstream = connect(this.upstreamPort, this.upstreamHost);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (!this.stalled) client.write(chunk);
    });
  }
}
