import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeadLetterPage } from '@seatwise/shared/bus/dead-letter-store';
import { stackPaths } from '../config/paths';
import { loadOrCreateSecrets } from '../config/secrets';
import { writeStackFile } from '../config/stack-file';
import { deadLetterTarget, formatDeadLetters, formatReplay } from './dead-letters';
import { CliError } from './secrets-rotate';

const letter = (consumer: string, reason: string): DeadLetterPage['letters'][number]['letter'] => ({
  stream: 'SEATWISE_DUO_AUTHLOGS',
  consumer,
  subject: 'seatwise.duo.authlog.DA1',
  streamSequence: 42,
  reason,
  data: '{}',
  at: '2026-12-03T07:00:00.000Z',
});

describe('seatwise dead-letters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-dead-letters-'));
  const paths = stackPaths(dir, '.seatwise');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reaches the bus the environment names, as the provisioner, and says what the environment lacks', () => {
    const env = { NATS_URL: 'nats://bus:4222', NATS_PASSWORD: 'p'.repeat(32), SEATWISE_BUS_PREFIX: 'acme' };
    expect(deadLetterTarget(env, paths)).toMatchObject({
      NATS_URL: 'nats://bus:4222',
      NATS_USER: 'provisioner',
      SEATWISE_BUS_PREFIX: 'acme',
    });
    expect(() => deadLetterTarget({ NATS_URL: 'nats://bus:4222' }, paths)).toThrow(/NATS_PASSWORD/);
  });

  it("falls back to the running local stack's bus and provisioner password, and asks for a stack when none runs", () => {
    expect(() => deadLetterTarget({}, paths)).toThrow(CliError);
    mkdirSync(paths.dir, { recursive: true });
    const { secrets } = loadOrCreateSecrets(paths.secrets);
    writeStackFile(paths.stackFile, {
      gatewayUrl: 'http://127.0.0.1:3000',
      adminApiKey: secrets.adminApiKey,
      duoSimulatorUrl: 'http://127.0.0.1:3001',
      psaSimulatorUrl: 'http://127.0.0.1:3002',
      natsUrl: 'nats://127.0.0.1:4333',
      mongoUrl: 'mongodb://127.0.0.1:27018',
      mailInboxUrl: 'http://127.0.0.1:8025',
    });
    expect(deadLetterTarget({}, paths)).toMatchObject({
      NATS_URL: 'nats://127.0.0.1:4333',
      NATS_USER: 'provisioner',
      NATS_PASSWORD: secrets.busPasswords.provisioner,
      SEATWISE_BUS_PREFIX: 'seatwise',
    });
  });

  it('lists letters with their number, consumer, origin and reason, and counts them per consumer', () => {
    const text = formatDeadLetters({
      letters: [
        { seq: 7, letter: letter('discovery-authlogs', 'JetStream stopped delivering it after 20 deliveries') },
        { seq: 9, letter: letter('discovery-authlogs', 'record.txid: required') },
      ],
      unreadable: [{ seq: 8, reason: 'not JSON' }],
      total: 5,
    });
    expect(text).toContain('5 dead letter(s), 3 shown (discovery-authlogs 2):');
    expect(text).toContain('#7  2026-12-03T07:00:00.000Z  discovery-authlogs  SEATWISE_DUO_AUTHLOGS/42');
    expect(text).toContain('    record.txid: required');
    expect(text).toContain('#8  unreadable: not JSON');
    expect(formatDeadLetters({ letters: [], unreadable: [], total: 0 })).toBe('No dead letters.\n');
  });

  it('reports each replay: republished, already gone, or kept with the reason', () => {
    const text = formatReplay([
      { seq: 7, outcome: 'replayed', subject: 'seatwise.duo.authlog.DA1', duplicate: false },
      { seq: 8, outcome: 'missing' },
      { seq: 9, outcome: 'unreadable', reason: 'not JSON' },
    ]);
    expect(text.split('\n')).toEqual([
      '#7  replayed on seatwise.duo.authlog.DA1',
      '#8  not in the stream (replayed before, or aged out)',
      '#9  kept: not JSON',
      '1 of 3 replayed.',
      '',
    ]);
  });
});
