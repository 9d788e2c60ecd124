import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { busTlsFiles } from '@seatwise/shared/config/bus-env';
import { DeadLetterStore, type DeadLetterPage, type ReplayOutcome } from '@seatwise/shared/bus/dead-letter-store';
import { connectBus } from '@seatwise/shared/bus/connect';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { busSetupEnvSchema, type BusSetupEnv } from '../compose/bus-setup-env';
import { loadOrCreateSecrets } from '../config/secrets';
import { readStackFile } from '../config/stack-file';
import type { StackPaths } from '../config/paths';
import { CliError } from './secrets-rotate';

// Where the dead letters are: the bus named by the environment (NATS_URL and the provisioner's NATS_PASSWORD,
// as compose's bus-setup takes them), else the local stack's (its stack.json and secrets.json).
export function deadLetterTarget(env: NodeJS.ProcessEnv, paths: StackPaths): BusSetupEnv {
  if (env.NATS_URL !== undefined) {
    const parsed = busSetupEnvSchema.safeParse(env);
    if (!parsed.success) {
      throw new CliError(`the bus environment is incomplete: ${parsed.error.issues.map(describeIssue).join('; ')}`);
    }
    return parsed.data;
  }
  const stack = readStackFile(paths.stackFile);
  if (stack === null) {
    throw new CliError(`no running stack (${paths.stackFile}) and no NATS_URL: start one with npm run stack`);
  }
  const { secrets } = loadOrCreateSecrets(paths.secrets);
  return busSetupEnvSchema.parse({
    NATS_URL: stack.natsUrl,
    NATS_PASSWORD: secrets.busPasswords.provisioner,
    SEATWISE_BUS_PREFIX: env.SEATWISE_BUS_PREFIX,
  });
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join('.')}: ${issue.message}`;
}

export async function withDeadLetters<T>(target: BusSetupEnv, use: (store: DeadLetterStore) => Promise<T>): Promise<T> {
  const tls = busTlsFiles(target);
  const nc = await connectBus({
    url: target.NATS_URL,
    name: 'seatwise-dead-letters',
    credentials: { user: target.NATS_USER, pass: target.NATS_PASSWORD },
    inboxPrefix: inboxPrefix(target.NATS_USER),
    waitOnFirstConnect: false,
    ...(tls === undefined ? {} : { tls }),
  });
  try {
    return await use(new DeadLetterStore(await jetstreamManager(nc), jetstream(nc), target.SEATWISE_BUS_PREFIX));
  } finally {
    await nc.close();
  }
}

// Replays the given letters, or every one (of one consumer) when none is named, in stream order.
export async function replayDeadLetters(
  store: DeadLetterStore,
  selection: { seqs: number[] } | { all: true; consumer?: string },
): Promise<ReplayOutcome[]> {
  const seqs =
    'seqs' in selection
      ? selection.seqs
      : (await store.list(Number.MAX_SAFE_INTEGER, selection.consumer)).letters.map((l) => l.seq);
  const outcomes: ReplayOutcome[] = [];
  for (const seq of seqs) outcomes.push(await store.replay(seq));
  return outcomes;
}

export function formatDeadLetters(page: DeadLetterPage): string {
  const lines = page.letters.map(
    ({ seq, letter }) =>
      `#${seq}  ${letter.at}  ${letter.consumer}  ${letter.stream}/${letter.streamSequence}  ${letter.subject}\n    ${letter.reason}`,
  );
  for (const { seq, reason } of page.unreadable) lines.push(`#${seq}  unreadable: ${reason}`);
  const byConsumer = new Map<string, number>();
  for (const { letter } of page.letters) byConsumer.set(letter.consumer, (byConsumer.get(letter.consumer) ?? 0) + 1);
  const counts = [...byConsumer].map(([consumer, n]) => `${consumer} ${n}`).join(', ');
  const shown = page.letters.length + page.unreadable.length;
  const head =
    page.total === 0
      ? 'No dead letters.'
      : `${page.total} dead letter(s)${shown < page.total ? `, ${shown} shown` : ''}${counts ? ` (${counts})` : ''}:`;
  return `${[head, ...lines].join('\n')}\n`;
}

export function formatReplay(outcomes: readonly ReplayOutcome[]): string {
  const lines = outcomes.map((o) => {
    if (o.outcome === 'replayed') return `#${o.seq}  replayed on ${o.subject}${o.duplicate ? ' (already there)' : ''}`;
    if (o.outcome === 'missing') return `#${o.seq}  not in the stream (replayed before, or aged out)`;
    return `#${o.seq}  kept: ${o.reason}`;
  });
  const replayed = outcomes.filter((o) => o.outcome === 'replayed').length;
  return `${[...lines, `${replayed} of ${outcomes.length} replayed.`].join('\n')}\n`;
}
