import { parseCliArgs } from './cli-args';
import { resolveOptions } from './options';
import { OptionsError, UsageError } from './sim-input';

// A command line as the shell splits it (no quoting needed here).
const argv = (line: string): string[] => line.split(' ');

describe('options', () => {
  it('fills Duo-like defaults', () => {
    const o = resolveOptions({});
    expect(o).toMatchObject({ port: 0, host: '127.0.0.1', accounts: 3, live: false, rateLimits: {}, faults: {} });
  });

  it('names every bad option', () => {
    expect(() => resolveOptions({ accounts: 0, speed: -1, faults: { drop: 2 }, colour: 'red' })).toThrow(OptionsError);
    try {
      resolveOptions({ accounts: 0, speed: -1, faults: { drop: 2 }, colour: 'red' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['accounts', 'speed', 'faults.drop', 'colour']) expect(message).toContain(name);
    }
  });
});

describe('parseCliArgs', () => {
  it('maps flags onto options', () => {
    expect(
      parseCliArgs(
        argv('--port 0 --users 7 --events 100 --live --speed 3 --no-rate-limits --fault-500 0.1 --fault-slow-ms 50'),
      ),
    ).toMatchObject({
      port: 0,
      usersPerAccount: 7,
      events: 100,
      live: true,
      speed: 3,
      rateLimits: false,
      faults: { error500: 0.1, slowMs: 50 },
    });
    expect(parseCliArgs(['--rate-logs', '5'])).toMatchObject({ rateLimits: { logs: 5 } });
  });

  it.each([[['--accounts', 'x']], [['--bogus']], [['--config', '/nonexistent.json']], [['positional']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseCliArgs(argv)).toThrow(UsageError);
    },
  );
});
