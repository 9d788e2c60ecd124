import { randomBytes } from 'node:crypto';
import { badInputCorpus, type BadRequest } from './__fixtures__/bad-input-corpus';
import { type Stack, startStack } from './__fixtures__/stack';

const ADMIN_KEY = `boot-${'b'.repeat(40)}`;

interface Answer {
  request: BadRequest;
  status: number;
  text: string;
}

// Hundreds of malformed and hostile requests, generated from the OpenAPI document for every route, against the
// gateway in front of the real services: none may fail the server (5xx), echo a secret, or grow its memory
// without bound.
describe('gateway bad-input corpus', () => {
  let stack: Stack | undefined;
  let duoSecret: string;

  beforeAll(async () => {
    const started = await startStack({
      adminKey: ADMIN_KEY,
      duo: { seed: 'bad-input', accounts: 1, usersPerAccount: 4, events: 50, apps: 3 },
      upstreams: {
        'duo-connector': {},
        discovery: {},
        reconcile: { SEATWISE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}` },
      },
      // The corpus is one key's burst; the limits have their own specs.
      gatewayEnv: { GATEWAY_RATE_LIMIT_BURST: '100000', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000' },
      ready: {
        paths: ['/api/v1/integrations', '/api/v1/discovery/summary', '/api/v1/psa/connections'],
        timeoutMs: 60_000,
      },
    });
    stack = started;
    duoSecret = started.duo.info.accountsApi.skey;
    const created = await started.api.post('/api/v1/integrations', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: started.duo.url,
      integrationKey: started.duo.info.accountsApi.ikey,
      secretKey: duoSecret,
    });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const gateway = () => {
    if (!stack) throw new Error('the stack did not start');
    return stack.gateway;
  };

  async function send(request: BadRequest): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_KEY}`, ...request.headers };
    const res = await fetch(`${gateway().url}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return { request, status: res.status, text: await res.text() };
  }

  it('answers every malformed or hostile request with a 4xx, never a secret, with bounded memory', async () => {
    const corpus = badInputCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const rssBefore = process.memoryUsage().rss;
    const answers: Answer[] = [];
    for (const request of corpus) answers.push(await send(request));
    const failed = answers
      // Paths outside /api/ (`//api//…`, and traversal that the URL resolves to /etc/passwd) get the console's
      // index.html from its SPA fallback: that is the console, not a file of the machine.
      .filter((a) => a.status >= 500 || (a.status < 400 && !a.text.startsWith('<!doctype html>')))
      .map(
        (a) =>
          `${a.status} ${a.request.method} ${a.request.path.slice(0, 80)} (${a.request.what}): ${a.text.slice(0, 200)}`,
      );
    expect(failed).toEqual([]);
    expect(answers.filter((a) => a.text.includes('root:x:0:0')).map((a) => a.request.what)).toEqual([]);
    const secrets = [ADMIN_KEY, duoSecret];
    expect(answers.filter((a) => secrets.some((s) => a.text.includes(s))).map((a) => a.request.what)).toEqual([]);
    expect(secrets.filter((s) => gateway().logs().includes(s))).toEqual([]);
    // Hundreds of requests (some of 300 KB) leave the process within a bound: nothing is kept per request.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  }, 300_000);

  it('answers a flood of unknown keys with 401 then 429, never a 5xx', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${gateway().url}/api/v1/integrations`, {
        headers: { authorization: `Bearer swk_${randomBytes(16).toString('hex')}` },
      });
      statuses.add(res.status);
      await res.arrayBuffer();
    }
    expect([...statuses].sort()).toEqual([401, 429]);
  });
});
