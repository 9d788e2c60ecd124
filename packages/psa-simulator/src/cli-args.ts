import { readConfigFile, UsageError } from '@seatwise/duo-simulator/sim-input';
import { parseArgs } from 'node:util';
import type { PsaSimOptions } from './options';

export const USAGE = `usage: psa-sim [--config file.json] [--mode connectwise|autotask|halopsa] [--currency USD] [--port N] [--host H] [--seed S] [--companies N] [--products N]
  [--duo-seed S --duo-accounts N [--duo-users N] [--demo]] [--anchor-time MS]
  [--company-id ID] [--public-key K] [--private-key K] [--client-id GUID]
  [--no-rate-limits | --rate-per-minute N]
  [--fault-500 F] [--fault-503 F] [--fault-slow F] [--fault-slow-ms MS] [--fault-drop F] [--fault-malformed F]`;

const NUMERIC: Record<string, string> = {
  port: 'port',
  companies: 'companies',
  products: 'products',
  'anchor-time': 'anchorTime',
};
const STRINGS: Record<string, string> = {
  mode: 'mode',
  currency: 'currency',
  host: 'host',
  seed: 'seed',
  'company-id': 'companyId',
  'public-key': 'publicKey',
  'private-key': 'privateKey',
  'client-id': 'clientId',
};
const FAULTS: Record<string, string> = {
  'fault-500': 'error500',
  'fault-503': 'error503',
  'fault-slow': 'slow',
  'fault-slow-ms': 'slowMs',
  'fault-drop': 'drop',
  'fault-malformed': 'malformed',
};
const STRING_FLAGS = [
  'config',
  'duo-seed',
  'duo-accounts',
  'duo-users',
  'rate-per-minute',
  ...Object.keys(NUMERIC),
  ...Object.keys(STRINGS),
  ...Object.keys(FAULTS),
];

function number(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} expects a number, got '${raw}'`);
  return value;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}

function parse(argv: string[]): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }])),
        'no-rate-limits': { type: 'boolean' },
        demo: { type: 'boolean' },
      },
    });
    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

// Flags override the --config file; the result is validated later by the options schema.
export function parseCliArgs(argv: string[]): PsaSimOptions {
  const values = parse(argv);
  const config = typeof values['config'] === 'string' ? readConfigFile(values['config']) : {};
  const options: Record<string, unknown> = { ...config };
  const faults = objectOf(config['faults']);
  const pairing = objectOf(config['duoPairing']);
  for (const [flag, raw] of Object.entries(values)) {
    if (typeof raw !== 'string') continue;
    const stringTarget = STRINGS[flag];
    if (stringTarget !== undefined) options[stringTarget] = raw;
    const numericTarget = NUMERIC[flag];
    if (numericTarget !== undefined) options[numericTarget] = number(flag, raw);
    const faultTarget = FAULTS[flag];
    if (faultTarget !== undefined) faults[faultTarget] = number(flag, raw);
  }
  if (typeof values['duo-seed'] === 'string') pairing['seed'] = values['duo-seed'];
  if (typeof values['duo-accounts'] === 'string') pairing['accounts'] = number('duo-accounts', values['duo-accounts']);
  if (typeof values['duo-users'] === 'string') pairing['usersPerAccount'] = number('duo-users', values['duo-users']);
  if (values['demo'] === true) pairing['demo'] = true;
  if (Object.keys(pairing).length > 0) options['duoPairing'] = pairing;
  if (Object.keys(faults).length > 0) options['faults'] = faults;
  if (values['no-rate-limits'] === true) options['rateLimits'] = false;
  else if (typeof values['rate-per-minute'] === 'string') {
    options['rateLimits'] = { perMinute: number('rate-per-minute', values['rate-per-minute']) };
  }
  return options; // validated by resolveOptions in startPsaSimulator
}
