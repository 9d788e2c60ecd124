#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runMain } from '@seatwise/shared/process/run-main';
import { CliError, formatRotation, keysStillHolding, requestRotation } from './admin/secrets-rotate';

const USAGE = `usage: npm run seatwise -- secrets rotate [--url URL]
  secrets rotate  re-encrypt every stored secret (Duo secret keys, PSA keys, webhook secrets) under each service's
                  active key (SEATWISE_ENCRYPTION_KEY_ID) and report what each key id still holds. Exits 3 when a
                  record cannot be read (its key is not configured).
  --url URL       the gateway (default SEATWISE_URL, else http://localhost:3000)
  Environment: SEATWISE_API_KEY, an admin API key (never given on the command line, where shells keep history).`;

async function main(): Promise<number> {
  let parsed: { values: { url?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.join(' ') !== 'secrets rotate') {
    process.stderr.write(`unknown command: ${parsed.positionals.join(' ') || '(none)'}\n${USAGE}\n`);
    return 2;
  }
  const apiKey = process.env.SEATWISE_API_KEY;
  if (!apiKey) {
    process.stderr.write(`SEATWISE_API_KEY is not set: an admin API key is needed\n${USAGE}\n`);
    return 2;
  }
  const url = parsed.values.url ?? process.env.SEATWISE_URL ?? 'http://localhost:3000';
  try {
    const rotation = await requestRotation(url, apiKey, fetch);
    process.stdout.write(formatRotation(rotation));
    const old = keysStillHolding(rotation);
    process.stdout.write(
      old.length === 0
        ? 'Every readable secret is under its active key: keys no longer listed can be removed.\n'
        : `Still holding secrets: ${old.join(', ')}. Keep these keys configured.\n`,
    );
    return rotation.services.some((s) => s.unreadable.length > 0) ? 3 : 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`seatwise: ${error.message}\n`);
    return 1;
  }
}

runMain('seatwise', main);
