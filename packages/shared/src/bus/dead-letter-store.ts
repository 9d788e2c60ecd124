import type { JetStreamClient, JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { type DeadLetterEvent, deadLetterEventSchema } from '../contracts/dead-letter';
import { formatIssues } from '../validation/zod-issues';
import { streamName } from './subjects';

export interface StoredDeadLetter {
  // The dead letter's own sequence in the DEAD_LETTER stream: what `replay` names.
  seq: number;
  letter: DeadLetterEvent;
}

export type ReplayOutcome =
  | { seq: number; outcome: 'replayed'; subject: string; duplicate: boolean }
  // Not in the stream (already replayed, or aged out): nothing is published, so a second replay is harmless.
  | { seq: number; outcome: 'missing' }
  // Not a dead letter Seatwise wrote, or one without an original subject: left in place for a person to read.
  | { seq: number; outcome: 'unreadable'; reason: string };

export interface DeadLetterPage {
  letters: StoredDeadLetter[];
  unreadable: { seq: number; reason: string }[];
  // Letters in the stream in all (the page holds at most `limit`).
  total: number;
}

// The DEAD_LETTER stream, read and replayed by an operator after a fix (`seatwise dead-letters`).
//
// A replay publishes the letter's raw data on its original subject with the msgID `replay:<stream>:<seq>` and
// only then deletes the letter: a replay cut short is run again, and JetStream's duplicate window on the
// original stream keeps the second publish from being stored twice. Consumers' handlers are idempotent (each
// event carries its own key), so consumers that had handled the original see nothing new.
export class DeadLetterStore {
  private readonly stream: string;

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    prefix: string,
  ) {
    this.stream = streamName(prefix, 'DEAD_LETTER');
  }

  // The oldest `limit` letters, optionally only one consumer's.
  async list(limit: number, consumer?: string): Promise<DeadLetterPage> {
    const { state } = await this.jsm.streams.info(this.stream);
    const page: DeadLetterPage = { letters: [], unreadable: [], total: state.messages };
    if (state.messages === 0) return page;
    for (let seq = state.first_seq; seq <= state.last_seq && page.letters.length < limit; seq++) {
      const stored = await this.jsm.streams.getMessage(this.stream, { seq });
      if (stored === null) continue; // deleted: already replayed
      const read = readLetter(stored);
      if (typeof read === 'string') page.unreadable.push({ seq, reason: read });
      else if (consumer === undefined || read.consumer === consumer) page.letters.push({ seq, letter: read });
    }
    return page;
  }

  async replay(seq: number): Promise<ReplayOutcome> {
    const stored = await this.jsm.streams.getMessage(this.stream, { seq });
    if (stored === null) return { seq, outcome: 'missing' };
    const letter = readLetter(stored);
    if (typeof letter === 'string') return { seq, outcome: 'unreadable', reason: letter };
    if (letter.streamSequence === 0) return { seq, outcome: 'unreadable', reason: NOT_FROM_A_STREAM };
    const ack = await this.js.publish(letter.subject, letter.data, { msgID: `replay:${this.stream}:${seq}` });
    await this.jsm.streams.deleteMessage(this.stream, seq, false);
    return { seq, outcome: 'replayed', subject: letter.subject, duplicate: ack.duplicate };
  }
}

// The connector's letters for Duo API records that failed their contract were never on a stream: after a fix the
// connector fetches them from Duo again; republishing the rejected record would only reject it again.
const NOT_FROM_A_STREAM = 'a Duo API record, never on a stream: it is fetched from Duo again, not replayed';

function readLetter(stored: StoredMsg): DeadLetterEvent | string {
  let json: unknown;
  try {
    json = stored.json();
  } catch {
    return 'not JSON';
  }
  const parsed = deadLetterEventSchema.safeParse(json);
  if (!parsed.success) return `not a dead letter: ${formatIssues(parsed.error)}`;
  if (parsed.data.subject.length === 0) return 'no original subject to replay on';
  return parsed.data;
}
