import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowingOnly } from '@seatwise/platform/testing/outbound';
import { CwHttp, type CwCredentials } from './cw-http';

// ConnectWise's HTTP layer under the outbound policy, against servers on 127.0.0.1 only (allowed by exact
// host:port, as the stack allows its simulator): nothing here can reach beyond loopback.
interface Loopback {
  url: string;
  connections: number;
  paths: string[];
  close(): Promise<void>;
}

async function loopback(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const server: Server = createServer((req, res) => {
    state.paths.push(req.url ?? '');
    answer(req, res);
  });
  const state = { connections: 0, paths: [] as string[] };
  server.on('connection', () => {
    state.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return Object.assign(state, { url, close });
}

const PRIVATE_KEY = 'cw-private-key-value';
const credentials = (siteUrl: string): CwCredentials => ({
  siteUrl,
  companyId: 'acme',
  publicKey: 'pub',
  privateKey: PRIVATE_KEY,
  clientId: 'client-1',
});
const options = (...allowed: string[]) => ({
  timeoutMs: 2000,
  maxAttempts: 3,
  retryBaseMs: 1,
  maxRetryAfterMs: 10,
  sleep: () => Promise.resolve(),
  outbound: allowingOnly(...allowed),
});

describe('CwHttp under the outbound policy', () => {
  const servers: Loopback[] = [];
  const serve = async (answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> => {
    const server = await loopback(answer);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('reaches an allowed site with Basic auth and the clientId header', async () => {
    let seen: IncomingMessage['headers'] = {};
    const site = await serve((req, res) => {
      seen = req.headers;
      res.end('[{"id":1}]');
    });
    const http = new CwHttp(credentials(site.url), options(site.url));
    await expect(http.get('/company/companies', { pageSize: '1' })).resolves.toEqual([{ id: 1 }]);
    expect(site.paths).toEqual(['/v4_6_release/apis/3.0/company/companies?pageSize=1']);
    expect(seen['authorization']).toBe(`Basic ${Buffer.from(`acme+pub:${PRIVATE_KEY}`).toString('base64')}`);
    expect(seen['clientid']).toBe('client-1');
  });

  // Mutation: with redirects followed (as fetch did before), the sink received the Basic auth header.
  it('refuses a redirect to another loopback port: no retry, and the sink is never contacted', async () => {
    const sink = await serve((_req, res) => res.end('[]'));
    const site = await serve((_req, res) => {
      res.writeHead(302, { Location: `${sink.url}/v4_6_release/apis/3.0/company/companies` }).end();
    });
    const http = new CwHttp(credentials(site.url), options(site.url, sink.url));
    const error = await http.get('/company/companies').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OUTBOUND.REFUSED', rule: 'redirect' });
    expect((error as Error).message).not.toContain(PRIVATE_KEY);
    expect([site.paths.length, sink.connections]).toEqual([1, 0]);
  });

  // The sink is allowed by its exact host:port unless the case says otherwise: each refusal is the policy's own.
  // Mutation: without the textual check in CwHttp.call, the decimal spelling was parsed into the allowed endpoint.
  it.each([
    ['a site not allowed', (port: string) => `http://127.0.0.1:${port}`, false, 'scheme'],
    ['another spelling of the allowed site', (port: string) => `http://2130706433:${port}`, true, 'host-spelling'],
    ['userinfo before the allowed site', (port: string) => `http://x@127.0.0.1:${port}`, true, 'userinfo'],
    ['a cloud look-alike', () => 'https://na.myconnectwise.net.10.0.0.1.nip.io', true, 'psa-host'],
  ] as const)('refuses %s before connecting', async (_name, site, allowSink, rule) => {
    const sink = await serve((_req, res) => res.end('[]'));
    const http = new CwHttp(credentials(site(new URL(sink.url).port)), options(...(allowSink ? [sink.url] : [])));
    await expect(http.get('/company/companies')).rejects.toMatchObject({ code: 'OUTBOUND.REFUSED', rule });
    expect(sink.connections).toBe(0);
  });
});
