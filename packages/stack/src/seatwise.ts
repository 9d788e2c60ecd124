#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runMain } from '@seatwise/shared/process/run-main';
import {
  deadLetterTarget,
  formatDeadLetters,
  formatReplay,
  replayDeadLetters,
  withDeadLetters,
} from './admin/dead-letters';
import { CliError, formatRotation, keysStillHolding, requestRotation } from './admin/secrets-rotate';
import { repoRoot, stackPaths } from './config/paths';

const USAGE = `usage: npm run seatwise -- secrets rotate [--url URL]
       npm run seatwise -- dead-letters list [--limit N] [--consumer NAME]
       npm run seatwise -- dead-letters replay (--seq N ... | --all [--consumer NAME])
  secrets rotate  re-encrypt every stored secret (Duo secret keys, PSA keys, webhook secrets) under each service's
                  active key (SEATWISE_ENCRYPTION_KEY_ID) and report what each key id still holds. Exits 3 when a
                  record cannot be read (its key is not configured).
  --url URL       the gateway (default SEATWISE_URL, else http://localhost:3000)
  Environment: SEATWISE_API_KEY, an admin API key (never given on the command line, where shells keep history).
  dead-letters list    the oldest dead letters (default 50): what a consumer rejected or JetStream gave up on, why.
  dead-letters replay  after a fix, publish letters back on their original subject and remove them. Safe to run
                       again: a letter replayed twice is stored once. Exits 3 when a letter cannot be replayed.
  The bus: NATS_URL with the provisioner's NATS_PASSWORD (and NATS_TLS_* files), as compose's bus-setup takes
  them; without NATS_URL, the running local stack's (SEATWISE_STACK_DIR, default .seatwise).`;

type Values = {
  url?: string;
  help?: boolean;
  limit?: string;
  consumer?: string;
  seq?: string[];
  all?: boolean;
};

async function main(): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        limit: { type: 'string' },
        consumer: { type: 'string' },
        seq: { type: 'string', multiple: true },
        all: { type: 'boolean' },
      },
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
  const command = parsed.positionals.join(' ');
  if (command === 'dead-letters list' || command === 'dead-letters replay') return deadLetters(command, parsed.values);
  if (command !== 'secrets rotate') {
    process.stderr.write(`unknown command: ${command || '(none)'}\n${USAGE}\n`);
    return 2;
  }
  return rotateSecrets(parsed.values);
}

async function rotateSecrets(values: Values): Promise<number> {
  const apiKey = process.env.SEATWISE_API_KEY;
  if (!apiKey) {
    process.stderr.write(`SEATWISE_API_KEY is not set: an admin API key is needed\n${USAGE}\n`);
    return 2;
  }
  const url = values.url ?? process.env.SEATWISE_URL ?? 'http://localhost:3000';
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

async function deadLetters(command: string, values: Values): Promise<number> {
  const selection = replaySelection(values);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (typeof selection === 'string' || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write(
      `${typeof selection === 'string' ? selection : '--limit takes a positive whole number'}\n${USAGE}\n`,
    );
    return 2;
  }
  try {
    const target = deadLetterTarget(process.env, stackPaths(repoRoot(), process.env.SEATWISE_STACK_DIR));
    return await withDeadLetters(target, async (store) => {
      if (command === 'dead-letters list') {
        process.stdout.write(formatDeadLetters(await store.list(limit, values.consumer)));
        return 0;
      }
      if (selection === null) throw new CliError('name the letters to replay: --seq N (repeatable) or --all');
      const outcomes = await replayDeadLetters(store, selection);
      process.stdout.write(formatReplay(outcomes));
      return outcomes.some((o) => o.outcome === 'unreadable') ? 3 : 0;
    });
  } catch (error) {
    if (!(error instanceof CliError) && !isBusError(error)) throw error;
    process.stderr.write(`seatwise: ${(error as Error).message}\n`);
    return 1;
  }
}

// --seq N... or --all; null when neither (fine for list); a string says what is wrong.
function replaySelection(values: Values): { seqs: number[] } | { all: true; consumer?: string } | null | string {
  if (values.all && values.seq) return '--all and --seq exclude each other';
  if (values.all) return values.consumer === undefined ? { all: true } : { all: true, consumer: values.consumer };
  if (!values.seq) return null;
  const seqs = values.seq.map(Number);
  if (seqs.some((n) => !Number.isInteger(n) || n < 1)) return "--seq takes a dead letter's number (#N in the list)";
  return { seqs };
}

// nats.js errors a person can act on (the bus is unreachable, the password is wrong, a permission is missing).
function isBusError(error: unknown): boolean {
  return error instanceof Error && /connection|permission|authorization|timeout|stream not found/i.test(error.message);
}

runMain('seatwise', main);
