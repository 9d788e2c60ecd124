import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { duoCall, send } from './__fixtures__/duo-client';
import { runCli } from './cli';
import { startDuoSimulator } from './server';
import { expectIdenticalTwins } from '@seatwise/sim-http/testing/determinism';

const DAY = 86_400_000;

describe('determinism', () => {
  it('same seed and anchor → identical keys and byte-identical pages', async () => {
    const anchorTime = Math.floor(Date.now() / 60_000) * 60_000;
    const options = {
      seed: 42,
      accounts: 2,
      usersPerAccount: 30,
      events: 3000,
      anchorTime,
      rateLimits: false as const,
    };
    const params = {
      mintime: String(Date.now() - 31 * DAY),
      maxtime: String(Date.now() - 120_000),
      limit: '1000',
      sort: 'ts:asc',
    };
    await expectIdenticalTwins(
      () => startDuoSimulator(options),
      () => ['/admin/v2/logs/authentication', '/admin/v2/logs/activity', '/admin/v1/users'],
      (sim, path) =>
        duoCall(sim.url, { keys: sim.info.accounts[1]!.adminApi, path, params: path.includes('users') ? {} : params }),
      (a, b) => {
        expect(b.info.accounts.map((x) => x.adminApi)).toEqual(a.info.accounts.map((x) => x.adminApi));
      },
    );
  });
});

describe('https and /_sim', () => {
  it('serves HTTPS with a generated self-signed certificate that clients can pin', async () => {
    const sim = await startDuoSimulator({ https: true, accounts: 1, events: 10, rateLimits: false });
    try {
      expect(sim.url).toMatch(/^https:\/\//);
      const reply = await duoCall(
        sim.url,
        { keys: sim.info.accounts[0]!.adminApi, path: '/admin/v1/info/summary' },
        sim.info.caCert,
      );
      expect(reply.status).toBe(200);
      const config = await send(sim.url, '/_sim/config', { ca: sim.info.caCert });
      expect(config.body).toEqual(JSON.parse(JSON.stringify(sim.info)));
      const truth = await send(sim.url, '/_sim/truth', { ca: sim.info.caCert });
      expect(truth.body).toEqual(sim.truth());
      const bad = await send(sim.url, '/_sim/faults', { method: 'PUT', body: '{"drop":5}', ca: sim.info.caCert });
      expect(bad.status).toBe(400);
    } finally {
      await sim.close();
    }
  });
});

describe('CLI', () => {
  it('runCli returns exit code 2 and a message for bad flags and bad options', async () => {
    const errors: string[] = [];
    const io = { stdout: () => undefined, stderr: (l: string) => errors.push(l) };
    expect(await runCli(['--accounts', 'many'], io)).toBe(2);
    expect(await runCli(['--accounts', '0', '--fault-drop', '3'], io)).toBe(2);
    expect(errors[1]).toMatch(/accounts.*faults\.drop/s);
  });

  it('prints the info line first and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(__dirname, '__fixtures__/swc-register.js'),
        join(__dirname, '__fixtures__/cli-entry.js'),
        '--port',
        '0',
        '--accounts',
        '2',
        '--events',
        '200',
        '--no-rate-limits',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const info = JSON.parse(line) as {
      url: string;
      accountsApi: { ikey: string };
      accounts: { account_id: string; adminApi: { ikey: string; skey: string } }[];
    };
    expect(info.accounts).toHaveLength(2);
    const reply = await duoCall(info.url, { keys: info.accounts[0]!.adminApi, path: '/admin/v1/info/summary' });
    expect(reply.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
