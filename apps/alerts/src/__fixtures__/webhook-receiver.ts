import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WEBHOOK_HEADERS } from '../channels/webhook/webhook-signature';

export interface ReceivedWebhook {
  deliveryId: string;
  // Whether the signature verified with the channel's secret.
  verified: boolean;
  body: {
    id: string;
    kind: 'opened' | 'resolved' | 'digest';
    alerts: { alertId: string; ruleId: string; ruleKind: string; state: string; accountId: string | null }[];
  };
}

// A real HTTP endpoint on 127.0.0.1 that records every webhook it is sent and answers 204 (or `status`).
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status = 204;
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly secret: string) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string): string | undefined => {
          const value = request.headers[name.toLowerCase()];
          return Array.isArray(value) ? value[0] : value;
        };
        const verified = verifyWebhook(
          this.secret,
          { timestamp: header(WEBHOOK_HEADERS.timestamp), signature: header(WEBHOOK_HEADERS.signature) },
          raw,
          Math.floor(Date.now() / 1_000),
        );
        if (this.status < 300) {
          this.received.push({
            deliveryId: header(WEBHOOK_HEADERS.delivery) ?? '',
            verified,
            body: JSON.parse(raw) as ReceivedWebhook['body'],
          });
        }
        response.statusCode = this.status;
        response.end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    return `http://${this.hostPort}/hook`;
  }

  get hostPort(): string {
    return `127.0.0.1:${this.port}`;
  }

  about(ruleId: string, kind: 'opened' | 'resolved'): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.body.kind === kind && hook.body.alerts.some((a) => a.ruleId === ruleId));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }
}
