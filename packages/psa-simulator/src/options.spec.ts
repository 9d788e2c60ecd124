import { parseCliArgs } from './cli-args';
import { resolveOptions } from './options';
import { OptionsError, UsageError } from '@seatwise/duo-simulator/sim-input';

// A command line as the shell splits it (no quoting needed here).
const argv = (line: string): string[] => line.split(' ');

describe('options', () => {
  it('fills defaults: 60/min rate limit (unconfirmed CW figure), no faults', () => {
    expect(resolveOptions({})).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      seed: 'seatwise',
      rateLimits: { perMinute: 60 },
      faults: {},
    });
    expect(resolveOptions({ duoPairing: { seed: 1, accounts: 3 } }).duoPairing).toEqual({
      seed: '1',
      accounts: 3,
      usersPerAccount: 50,
      exactShare: 0.4,
      nearShare: 0.3,
      quantityMismatchShare: 0.3,
      demo: false,
    });
  });

  it('names every bad option', () => {
    const bad = {
      companies: -1,
      faults: { drop: 2 },
      duoPairing: { seed: 's', accounts: 0 },
      publicKey: 'a:b',
      colour: 'red',
    };
    expect(() => resolveOptions(bad)).toThrow(OptionsError);
    try {
      resolveOptions(bad);
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['companies', 'faults.drop', 'duoPairing.accounts', 'publicKey', 'colour']) {
        expect(message).toContain(name);
      }
    }
  });
});

describe('parseCliArgs', () => {
  it('maps flags onto options', () => {
    expect(
      parseCliArgs(
        argv(
          '--port 0 --seed s --companies 7 --duo-seed d --duo-accounts 20 --no-rate-limits --fault-500 0.1 --fault-slow-ms 50 --client-id abc',
        ),
      ),
    ).toEqual({
      port: 0,
      seed: 's',
      companies: 7,
      duoPairing: { seed: 'd', accounts: 20 },
      rateLimits: false,
      faults: { error500: 0.1, slowMs: 50 },
      clientId: 'abc',
    });
    expect(parseCliArgs(['--rate-per-minute', '5'])).toEqual({ rateLimits: { perMinute: 5 } });
    expect(parseCliArgs(argv('--duo-seed d --duo-accounts 5 --demo'))).toEqual({
      duoPairing: { seed: 'd', accounts: 5, demo: true },
    });
  });

  it.each([[['--companies', 'x']], [['--bogus']], [['--config', '/nonexistent.json']], [['positional']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseCliArgs(argv)).toThrow(UsageError);
    },
  );
});
