import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SecretsRotation } from '@seatwise/shared/contracts/secrets-rotation';
import { type Stack, startStack } from '../../__fixtures__/stack';

const ADMIN_KEY = `boot-${randomBytes(20).toString('hex')}`;
const KEYS = { SEATWISE_ENCRYPTION_KEYS: `k7:${randomBytes(32).toString('base64')}` };
// Never called: a webhook channel needs an allowed URL to be stored.
const HOOK = 'http://127.0.0.1:9/hook';
// The operator's command, from its build (what `npm run seatwise -- secrets rotate` runs).
const SEATWISE_CLI = join(__dirname, '..', '..', '..', '..', '..', 'packages', 'stack', 'dist', 'seatwise.js');

// `seatwise secrets rotate` end to end: the gateway asks each service that stores secrets to rotate its own, with its
// own keys, and answers their reports; only an admin may.
describe('secrets rotation through the gateway and the seatwise command', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      adminKey: ADMIN_KEY,
      duo: { seed: 'secrets-rotate', accounts: 1, usersPerAccount: 1, events: 0, apps: 1 },
      simulators: [HOOK],
      upstreams: { 'duo-connector': KEYS, reconcile: KEYS, alerts: KEYS },
      ready: {
        paths: ['/api/v1/integrations', '/api/v1/psa/connections', '/api/v1/alerts/channels'],
        timeoutMs: 60_000,
      },
    });
    const { api, duo } = stack;
    const integration = await api.post('/api/v1/integrations', {
      name: 'MSP',
      kind: 'accounts',
      apiHostname: duo.url,
      integrationKey: duo.info.accountsApi.ikey,
      secretKey: duo.info.accountsApi.skey,
    });
    expect(integration.status).toBe(201);
    const channel = await api.post('/api/v1/alerts/channels', {
      name: 'Ops',
      kind: 'webhook',
      url: HOOK,
      secret: 'whsec-0123456789abcdef',
    });
    expect(channel.status).toBe(201);
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('reports what every holder stores, per key id, to an admin only', async () => {
    expect((await stack.viewer.post('/api/v1/secrets/rotate')).status).toBe(403);

    const answer = await stack.api.post<SecretsRotation>('/api/v1/secrets/rotate');
    expect(answer.status).toBe(200);
    const byService = new Map(answer.body.services.map((report) => [report.service, report]));
    const stored = (n: number) => ({
      activeKeyId: 'k7',
      found: n > 0 ? { k7: n } : {},
      held: n > 0 ? { k7: n } : {},
      // Written under the active key and bound to their record: nothing to rotate.
      rotated: 0,
      changedMeanwhile: 0,
      unreadable: [],
    });
    expect([...byService.keys()]).toEqual(['duo-connector', 'reconcile', 'alerts']);
    expect(byService.get('duo-connector')).toMatchObject(stored(1));
    expect(byService.get('reconcile')).toMatchObject(stored(0));
    expect(byService.get('alerts')).toMatchObject(stored(1));
  });

  it('runs as `seatwise secrets rotate`, and says what is missing', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, SEATWISE_API_KEY: ADMIN_KEY };
    const { stdout } = await run(process.execPath, [SEATWISE_CLI, 'secrets', 'rotate', '--url', stack.gateway.url], {
      env,
    });
    expect(stdout).toContain('duo-connector (');
    expect(stdout).toContain('rotated 0, changed meanwhile 0, unreadable 0; held by key id: k7: 1 (active: k7)');
    expect(stdout).toContain('Every readable secret is under its active key');

    const withoutKey = { ...process.env, SEATWISE_API_KEY: '' };
    await expect(run(process.execPath, [SEATWISE_CLI, 'secrets', 'rotate'], { env: withoutKey })).rejects.toMatchObject(
      {
        code: 2,
        stderr: expect.stringContaining('SEATWISE_API_KEY is not set') as unknown,
      },
    );
    const viewerKey = { ...process.env, SEATWISE_API_KEY: stack.viewer.key ?? '' };
    await expect(
      run(process.execPath, [SEATWISE_CLI, 'secrets', 'rotate', '--url', stack.gateway.url], { env: viewerKey }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('the rotation was refused (AUTH.') as unknown });
  });
});
