import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startDuoSimulator } from '@seatwise/duo-simulator/server';
import { allPages, cw } from './__fixtures__/cw-client';
import { runCli } from './cli';
import { normalizeCompanyName } from './data/names';
import { type ConnectWiseInfo, connectWiseInfo } from './modes/psa-mode';
import { startPsaSimulator } from './server';
import { expectIdenticalTwins } from '@seatwise/sim-http/testing/determinism';

describe('determinism', () => {
  it('same seed and anchor → identical credentials, byte-identical bodies and truth', async () => {
    const options = {
      seed: 42,
      duoPairing: { seed: 'd', accounts: 10 },
      anchorTime: Date.UTC(2026, 0, 15),
      rateLimits: false as const,
    };
    await expectIdenticalTwins(
      () => startPsaSimulator(options),
      (sim) => [
        '/company/companies?pageSize=1000',
        '/procurement/catalog?pageSize=1000',
        '/finance/agreements?pageSize=1000',
        `/finance/agreements/${sim.truth().companies[0]!.agreements[0]!.id}/additions`,
      ],
      cw,
      (a, b) => {
        const { url: _a, apiUrl: _b, ...credentials } = connectWiseInfo(a.info);
        expect(b.info).toMatchObject(credentials);
      },
    );
  });
});

describe('Duo pairing', () => {
  it('pairs a 20-account Duo seed: 8 exact, 6 near, 6 unmatched each side, quantities = billable seats for most', async () => {
    const duo = await startDuoSimulator({
      seed: 'pair',
      accounts: 20,
      usersPerAccount: 60,
      events: 0,
      rateLimits: false,
    });
    const psa = await startPsaSimulator({
      seed: 'p',
      duoPairing: { seed: 'pair', accounts: 20, usersPerAccount: 60 },
      rateLimits: false,
    });
    try {
      const duoById = new Map(duo.truth().accounts.map((a) => [a.account_id, a]));
      const companies = psa.truth().companies;
      const count = (kind: string) => companies.filter((c) => c.pairing === kind).length;
      expect([count('exact'), count('near'), count('none')]).toEqual([8, 6, 6]);
      const served = (await allPages(psa, '/company/companies', { query: { pageSize: '1000' } })).items.map(
        (c) => c['name'],
      );
      expect(served).toEqual(companies.map((c) => c.name));
      for (const c of companies) {
        const account = c.pairedDuoAccountId === null ? undefined : duoById.get(c.pairedDuoAccountId);
        if (c.pairing === 'exact') expect(c.name).toBe(account?.name);
        if (c.pairing === 'near') {
          expect(c.name).not.toBe(account?.name);
          expect(normalizeCompanyName(c.name)).toBe(normalizeCompanyName(account?.name ?? '?'));
        }
        if (c.pairing === 'none') {
          expect(c.pairedDuoAccountId).toBeNull();
          for (const a of duoById.values()) expect(normalizeCompanyName(c.name)).not.toBe(normalizeCompanyName(a.name));
        } else {
          expect(c.duoBillableSeats).toBe(account?.billable_seats);
        }
      }
      const paired = companies.filter((c) => c.pairing !== 'none');
      expect(new Set(paired.map((c) => c.pairedDuoAccountId)).size).toBe(14);
      const duoQuantity = (c: (typeof companies)[number]) =>
        c.agreements
          .find((a) => !a.cancelled)!
          .additions.find((x) => x.productIdentifier.startsWith('DUO-') && x.productIdentifier !== 'DUO-SETUP')!
          .quantity;
      expect(paired.filter((c) => duoQuantity(c) !== c.duoBillableSeats)).toHaveLength(4);
    } finally {
      await Promise.all([duo.close(), psa.close()]);
    }
  });

  it('refuses fewer companies than paired ones', async () => {
    await expect(startPsaSimulator({ companies: 2, duoPairing: { seed: 's', accounts: 10 } })).rejects.toThrow(
      /companies/,
    );
  });
});

describe('CLI', () => {
  it('runCli returns exit code 2 and a message for bad flags and bad options', async () => {
    const errors: string[] = [];
    const io = { stdout: () => undefined, stderr: (l: string) => errors.push(l) };
    expect(await runCli(['--companies', 'many'], io)).toBe(2);
    expect(await runCli(['--companies=-1', '--fault-drop', '3'], io)).toBe(2);
    expect(errors[1]).toMatch(/companies.*faults\.drop/s);
  });

  it('prints the info line first, serves /_sim/config, and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        // The Duo simulator's loader of TypeScript sources for child processes (one copy for both).
        join(__dirname, '../../duo-simulator/src/__fixtures__/swc-register.js'),
        join(__dirname, '__fixtures__/cli-entry.js'),
        '--port',
        '0',
        '--duo-seed',
        'cli',
        '--duo-accounts',
        '5',
        '--no-rate-limits',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const info = JSON.parse(line) as ConnectWiseInfo;
    expect(Object.keys(info).sort()).toEqual([
      'apiUrl',
      'clientId',
      'codebase',
      'companyId',
      'mode',
      'privateKey',
      'publicKey',
      'url',
    ]);
    expect(await (await fetch(`${info.url}/_sim/config`)).json()).toEqual(info);
    const reply = await cw({ info }, '/company/companies/count');
    expect(reply.body).toEqual({ count: 5 });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
