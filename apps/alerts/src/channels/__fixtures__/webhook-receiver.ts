import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// What the receiver answers a request on `path`: a status (and headers), or nothing at all (a hung receiver).
export type ReceiverAnswer = { status: number; headers?: Record<string, string> } | 'hang';

// A real HTTP server on 127.0.0.1 that records every request and answers per path, like a customer's endpoint.
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, ReceiverAnswer>();
  private readonly hung = new Set<() => void>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        receiver.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = receiver.answers.get(path) ?? { status: 204 };
        if (answer === 'hang') {
          receiver.hung.add(() => res.destroy());
          return;
        }
        res.writeHead(answer.status, answer.headers).end('{"note":"receiver body, never read"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answer(path: string, answer: ReceiverAnswer): void {
    this.answers.set(path, answer);
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    for (const release of this.hung) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
