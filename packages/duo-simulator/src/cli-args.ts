import { readConfigFile, UsageError } from './sim-input';
import { parseArgs } from 'node:util';
import type { DuoSimOptions } from './options';

export const USAGE = `usage: duo-sim [--config file.json] [--port N] [--host H] [--seed S] [--accounts N] [--users N]
  [--apps N] [--events N] [--history-days D] [--live] [--speed X] [--https] [--anchor-time MS]
  [--no-rate-limits] [--rate-logs N] [--rate-page N] [--rate-single N] [--rate-list-all N]
  [--fault-429 F] [--fault-500 F] [--fault-503 F] [--fault-slow F] [--fault-slow-ms MS] [--fault-drop F]
  [--fault-truncate F] [--fault-malformed F] [--demo]`;

const NUMERIC: Record<string, string> = {
  port: 'port',
  accounts: 'accounts',
  users: 'usersPerAccount',
  apps: 'apps',
  events: 'events',
  'history-days': 'historyDays',
  speed: 'speed',
  'anchor-time': 'anchorTime',
};
const RATES: Record<string, string> = {
  'rate-logs': 'logs',
  'rate-page': 'page',
  'rate-single': 'single',
  'rate-list-all': 'listAll',
};
const FAULTS: Record<string, string> = {
  'fault-429': 'error429',
  'fault-500': 'error500',
  'fault-503': 'error503',
  'fault-slow': 'slow',
  'fault-slow-ms': 'slowMs',
  'fault-drop': 'drop',
  'fault-truncate': 'truncate',
  'fault-malformed': 'malformed',
};
const STRING_FLAGS = ['config', 'host', 'seed', ...Object.keys(NUMERIC), ...Object.keys(RATES), ...Object.keys(FAULTS)];

function number(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} expects a number, got '${raw}'`);
  return value;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : {};
}

/** Flags override the --config file; the result is validated later by the options schema. */
export function parseCliArgs(argv: string[]): DuoSimOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }])),
        live: { type: 'boolean' },
        https: { type: 'boolean' },
        demo: { type: 'boolean' },
        'no-rate-limits': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>; // parseArgs types values loosely
  const config = typeof values['config'] === 'string' ? readConfigFile(values['config']) : {};
  const options: Record<string, unknown> = { ...config };
  const rates = objectOf(config['rateLimits']);
  const faults = objectOf(config['faults']);
  for (const [flag, raw] of Object.entries(values)) {
    if (typeof raw !== 'string') continue;
    if (flag === 'host' || flag === 'seed') options[flag] = raw;
    const target = NUMERIC[flag] ?? RATES[flag] ?? FAULTS[flag];
    if (target === undefined) continue;
    const into = NUMERIC[flag] ? options : RATES[flag] ? rates : faults;
    into[target] = number(flag, raw);
  }
  if (values['live'] === true) options['live'] = true;
  if (values['https'] === true) options['https'] = true;
  if (values['demo'] === true) options['demo'] = true;
  if (Object.keys(faults).length > 0) options['faults'] = faults;
  options['rateLimits'] = values['no-rate-limits'] === true ? false : config['rateLimits'] === false ? false : rates;
  return options; // validated by resolveOptions in startDuoSimulator
}
