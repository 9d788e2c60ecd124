import type { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import type { Seats } from '@seatwise/shared/contracts/discovery-views';
import type { EventPayload } from '@seatwise/shared/contracts/events';
import type { Scope } from '../inventory/ids';
import type { UsageStateDoc, UsageStateRepository, UserCounts } from '../inventory/usage-state.repository';
import type { SeatsService } from './seats.service';
import { UsageAnnouncer } from './usage-announcer';

type UsageEvent = EventPayload<'discovery.account.usage'>;

// A deep copy in this realm (jest's structuredClone makes objects isDeepStrictEqual tells apart).
const copy = (doc: UsageStateDoc): UsageStateDoc => ({
  ...doc,
  figures: { ...doc.figures, activeUsers: { ...doc.figures.activeUsers } },
  ...(doc.users ? { users: { ...doc.users } } : {}),
});

// The database and the bus, in memory: the states as stored, and the events as the stream keeps them (by msgID).
class States {
  readonly docs = new Map<string, UsageStateDoc>();
  getMany(scopes: readonly Scope[]): Promise<Map<string, UsageStateDoc>> {
    return Promise.resolve(
      new Map(scopes.flatMap((s) => (this.docs.has(s.accountId) ? [[s.accountId, this.doc(s.accountId)]] : []))),
    );
  }
  saveMany(docs: readonly UsageStateDoc[]): Promise<void> {
    for (const doc of docs) this.docs.set(doc._id, copy(doc));
    return Promise.resolve();
  }
  markPublished(published: readonly (Scope & { revision: number })[]): Promise<void> {
    for (const { accountId, revision } of published) {
      const doc = this.docs.get(accountId);
      if (doc?.revision === revision) doc.published = true;
    }
    return Promise.resolve();
  }
  doc(accountId: string): UsageStateDoc {
    return copy(this.docs.get(accountId) as UsageStateDoc);
  }
}

class Stream {
  readonly kept = new Map<string, UsageEvent>();
  failNext = false;
  publishAll(_name: 'discovery.account.usage', payloads: readonly UsageEvent[]): Promise<unknown[]> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('nats: timeout'));
    }
    for (const p of payloads) {
      if (!this.kept.has(`${p.accountId}:${p.revision}`)) this.kept.set(`${p.accountId}:${p.revision}`, p);
    }
    return Promise.resolve(payloads.map(() => ({ duplicate: false })));
  }
}

const seatsOf = (accountId: string, billableUsers: number): Seats => ({
  accountId,
  unusedAfterDays: 30,
  billableUsers,
  activeUsers: { days7: 1, days30: 2, days90: 3 },
  reclaimable: 0,
  neverEnrolled: 0,
  deniedOnly: 0,
  inactive: 0,
});

describe('UsageAnnouncer', () => {
  let billable: Map<string, number>;
  let removed: number;
  let states: States;
  let stream: Stream;
  let announcer: UsageAnnouncer;

  beforeEach(() => {
    billable = new Map([
      ['DA1', 5],
      ['DA2', 7],
    ]);
    removed = 0;
    states = new States();
    stream = new Stream();
    const seats = {
      withCounts: (scopes: readonly Scope[]) =>
        Promise.resolve(
          scopes.map((s) => ({
            seats: seatsOf(s.accountId, billable.get(s.accountId) ?? 0),
            users: { users: 10, removed } satisfies UserCounts,
          })),
        ),
    };
    announcer = new UsageAnnouncer(
      seats as unknown as SeatsService,
      states as unknown as UsageStateRepository,
      stream as unknown as EventBus,
      new Clock(),
    );
  });

  it('announces each account once per change of its figures, with a growing revision', async () => {
    await announcer.refresh(['DA1', 'DA2', 'DA1']);
    await announcer.refresh(['DA1', 'DA2']);
    billable.set('DA2', 8);
    await announcer.refresh(['DA1', 'DA2']);
    expect([...stream.kept.keys()]).toEqual(['DA1:1', 'DA2:1', 'DA2:2']);
    expect(stream.kept.get('DA2:2')).toMatchObject({ billableUsers: 8 });
    expect(states.doc('DA2')).toMatchObject({ revision: 2, published: true });
  });

  it('saves changed user counts under the same revision, announcing nothing', async () => {
    await announcer.refresh(['DA1']);
    removed = 2;
    await announcer.refresh(['DA1']);
    expect(states.doc('DA1')).toMatchObject({ revision: 1, users: { users: 10, removed: 2 }, published: true });
    expect(stream.kept.size).toBe(1);
  });

  // Mutation: saving the new states as published before the publish leaves DA1's revision 2 never announced.
  it('announces a revision whose publish failed at the next refresh, under the same revision', async () => {
    await announcer.refresh(['DA1', 'DA2']);
    billable.set('DA1', 6);
    stream.failNext = true;
    await expect(announcer.refresh(['DA1', 'DA2'])).rejects.toThrow('nats: timeout');
    expect(states.doc('DA1')).toMatchObject({ revision: 2, published: false });
    await announcer.refresh(['DA1']);
    expect(stream.kept.get('DA1:2')).toMatchObject({ billableUsers: 6 });
    expect(states.doc('DA1')).toMatchObject({ revision: 2, published: true });
  });
});
