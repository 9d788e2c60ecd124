import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SystemHostResolver } from '@seatwise/platform/outbound/host-resolver';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { DuoNetworkError, DuoTransport } from './duo-transport';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

describe('DuoTransport (against a local HTTP server)', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  let transport: DuoTransport;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        handler(req, res, Buffer.concat(chunks).toString('utf8'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    // The local server is reachable only as the exact endpoint the operator allows.
    transport = new DuoTransport(
      new OutboundPolicy({ allowedEndpoints: [`127.0.0.1:${port}`], psaHosts: [] }, new SystemHostResolver()),
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers (Date included) and body; returns status, content-type and text', async () => {
    let seen: { method?: string; date?: string; auth?: string; body?: string } = {};
    handler = (req, res, body) => {
      seen = { method: req.method, date: req.headers.date, auth: req.headers.authorization, body };
      res.writeHead(429, { 'Content-Type': 'application/json' }).end('{"stat":"FAIL"}');
    };
    const reply = await transport.send({
      method: 'POST',
      url: `${base}/accounts/v1/account/list`,
      timeoutMs: 5000,
      headers: {
        Date: 'Tue, 01 Jul 2025 12:00:00 -0000',
        Authorization: 'Basic abc',
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(reply).toEqual({ status: 429, contentType: 'application/json', text: '{"stat":"FAIL"}' });
    expect(seen).toEqual({ method: 'POST', date: 'Tue, 01 Jul 2025 12:00:00 -0000', auth: 'Basic abc', body: '{}' });
  });

  it('rejects with a timeout error when no response arrives in time', async () => {
    handler = () => {
      /* never answer */
    };
    const error: unknown = await transport
      .send({ method: 'GET', url: `${base}/slow`, headers: {}, timeoutMs: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuoNetworkError);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('rejects with a network error on a dropped connection, without echoing the request headers', async () => {
    handler = (req) => {
      req.socket.destroy();
    };
    const error: unknown = await transport
      .send({ method: 'GET', url: `${base}/drop`, timeoutMs: 5000, headers: { Authorization: 'Basic c2VjcmV0' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuoNetworkError);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).not.toContain('c2VjcmV0');
  });

  it('refuses redirects, never following them (the signature must not travel to another host)', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { Location: 'http://example.invalid/' }).end();
    };
    const error: unknown = await transport
      .send({ method: 'GET', url: `${base}/moved`, headers: {}, timeoutMs: 5000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ code: 'OUTBOUND.REFUSED', rule: 'redirect' });
  });

  it('refuses another port of the allowed host before connecting', async () => {
    const other = createServer();
    let connections = 0;
    other.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
    const error: unknown = await transport
      .send({ method: 'GET', url, headers: {}, timeoutMs: 5000 })
      .catch((e: unknown) => e);
    await new Promise((resolve) => other.close(resolve));
    expect(error).toMatchObject({ code: 'OUTBOUND.REFUSED', rule: 'scheme' });
    expect(connections).toBe(0);
  });

  it('rejects with a network error when nothing listens', async () => {
    const idle = createServer();
    await new Promise<void>((resolve) => idle.listen(0, '127.0.0.1', resolve));
    const port = (idle.address() as AddressInfo).port;
    await new Promise((resolve) => idle.close(resolve));
    const idlePolicy = new OutboundPolicy(
      { allowedEndpoints: [`127.0.0.1:${port}`], psaHosts: [] },
      new SystemHostResolver(),
    );
    const error: unknown = await new DuoTransport(idlePolicy)
      .send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, timeoutMs: 5000 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
