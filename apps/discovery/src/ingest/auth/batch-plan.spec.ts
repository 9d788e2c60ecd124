import type { DuoAuthLogEvent } from '@seatwise/shared/contracts/duo-events';
import { NEVER } from '../../inventory/never';
import { NO_OUTCOMES } from '../../inventory/outcome-totals';
import type { UserDoc } from '../../inventory/users.repository';
import { toFact, uniqueFacts } from './auth-fact';
import { aggregateFacts } from './batch-aggregate';
import { nextActivity, nextService, nextUsage, nextUser } from './next-docs';

function event(
  txid: string,
  at: number,
  app: string,
  user: string,
  result = 'success',
  name = `App ${app}`,
): DuoAuthLogEvent {
  return {
    integrationId: 'i',
    accountId: 'DA1',
    fetchedAt: '2025-01-01T00:00:00Z',
    record: {
      txid,
      timestamp: at,
      event_type: 'authentication',
      result,
      user: { key: user, name: `${user}@x` },
      application: { key: app, name },
    },
  };
}

describe('batch aggregation', () => {
  it('counts each txid once, whatever the order, with min/max times and outcomes', () => {
    const events = [
      event('t1', 300, 'A', 'u1'),
      event('t2', 100, 'A', 'u2', 'denied', 'Old name'),
      event('t1', 300, 'A', 'u1'),
      event('t3', 200, 'B', 'u1', 'fraud'),
    ];
    const forward = aggregateFacts(uniqueFacts(events.map(toFact)));
    const backward = aggregateFacts(uniqueFacts([...events].reverse().map(toFact)));
    expect(backward).toEqual(forward);
    const a = forward.services.get('DA1.A');
    expect(a).toMatchObject({
      count: 2,
      successes: 1,
      denied: 1,
      fraud: 0,
      name: 'Old name',
      first: new Date(100_000),
      last: new Date(300_000),
    });
    expect(forward.services.get('DA1.B')).toMatchObject({ count: 1, fraud: 1, successes: 0 });
    expect(forward.users.get('DA1.u1')).toMatchObject({ count: 2, first: new Date(200_000), last: new Date(300_000) });
    expect([...forward.usage.keys()].sort()).toEqual(['DA1.A.u1', 'DA1.A.u2', 'DA1.B.u1']);
  });

  it('counts each txid once per UTC day of its record, by outcome', () => {
    const lastSecond = Date.parse('2025-06-30T23:59:59Z') / 1000;
    const events = [
      event('t1', lastSecond, 'A', 'u1'),
      event('t2', lastSecond, 'B', 'u2', 'denied'),
      event('t1', lastSecond, 'A', 'u1'),
      event('t3', lastSecond + 1, 'A', 'u1', 'fraud'),
      event('t4', lastSecond + 2, 'A', 'u1', 'error'),
      event('t5', lastSecond + 3, 'B', 'u1'),
    ];
    const { activity } = aggregateFacts(uniqueFacts(events.map(toFact)));
    expect([...activity.values()]).toEqual([
      {
        id: 'DA1|2025-06-30',
        accountId: 'DA1',
        day: '2025-06-30',
        total: 2,
        success: 1,
        denied: 1,
        fraud: 0,
        other: 0,
      },
      {
        id: 'DA1|2025-07-01',
        accountId: 'DA1',
        day: '2025-07-01',
        total: 3,
        success: 1,
        denied: 0,
        fraud: 1,
        other: 1,
      },
    ]);
  });
});

describe('usage semantics', () => {
  // Mutation tried: isUse returning true for any success (enrollments included) fails the first case;
  // counting denials as uses fails the second.
  it('counts a user of a service only after a successful authentication, denials apart with reasons', () => {
    const enrollment = toFact(event('e1', 100, 'A', 'u1'));
    const denied = {
      ...event('d1', 200, 'A', 'u2', 'denied'),
      record: { ...event('d1', 200, 'A', 'u2', 'denied').record, reason: 'locked_out' },
    };
    const fraud = event('f1', 300, 'A', 'u2', 'fraud');
    const facts = [
      { ...enrollment, eventType: 'enrollment' },
      toFact(denied),
      toFact(fraud),
      toFact(event('s1', 400, 'A', 'u3')),
    ];
    const { usage, services, users } = aggregateFacts(facts);
    const rows = [...usage.values()].map((d) => nextUsage(undefined, d, 5));
    expect(rows.map((r) => [r.userKey, r.successCount, r.firstSuccessBatch])).toEqual([
      ['u1', 0, 0],
      ['u2', 0, 0],
      ['u3', 1, 5],
    ]);
    const service = nextService(undefined, services.get('DA1.A')!, { users: 1, attempted: 3 }, 5, () => null);
    expect(service).toMatchObject({
      authCount: 4,
      successCount: 1,
      denialCount: 2,
      fraudCount: 1,
      userCount: 1,
      attemptedUserCount: 3,
      denialReasons: [
        { reason: 'locked_out', count: 1 },
        { reason: 'unknown', count: 1 },
      ],
    });
    expect(users.get('DA1.u2')).toMatchObject({ successes: 0, denied: 1, fraud: 1, lastDenial: new Date(300_000) });
  });

  it('makes a row a use in the batch of its first success, once', () => {
    const [denial] = aggregateFacts([toFact(event('d1', 100, 'A', 'u1', 'denied'))]).usage.values();
    const [success] = aggregateFacts([toFact(event('s1', 200, 'A', 'u1'))]).usage.values();
    const first = nextUsage(undefined, denial!, 1);
    expect(first).toMatchObject({ successCount: 0, firstSuccessBatch: 0, lastSuccess: NEVER });
    const second = nextUsage(first, success!, 2);
    expect(second).toMatchObject({
      successCount: 1,
      firstSuccessBatch: 2,
      lastSuccess: new Date(200_000),
      firstSuccess: new Date(200_000),
    });
    const [later] = aggregateFacts([toFact(event('s2', 300, 'A', 'u1'))]).usage.values();
    expect(nextUsage(second, later!, 3)).toMatchObject({
      successCount: 2,
      firstSuccessBatch: 2,
      firstSuccess: new Date(200_000),
    });
  });

  // mutation: firstSuccess taken only in the batch of the first use (as before): the later batch's earlier
  // success is ignored, and the row's first success depends on how the stream was cut into batches.
  it('keeps the earliest success whichever batch brings it, the same for any cut of the stream', () => {
    const usageOf = (txid: string, at: number) =>
      [...aggregateFacts([toFact(event(txid, at, 'A', 'u1'))]).usage.values()][0]!;
    const late = usageOf('s-late', 500);
    const early = usageOf('s-early', 100);
    const inOrder = nextUsage(nextUsage(undefined, early, 1), late, 2);
    const outOfOrder = nextUsage(nextUsage(undefined, late, 1), early, 2);
    expect(outOfOrder).toMatchObject({ successCount: 2, firstSuccess: new Date(100_000), firstSuccessBatch: 1 });
    expect(outOfOrder.firstSuccess).toEqual(inOrder.firstSuccess);
    expect(outOfOrder.lastSuccess).toEqual(inOrder.lastSuccess);
  });
});

describe('next documents', () => {
  const [delta] = aggregateFacts([toFact(event('t9', 500, 'A', 'u1'))]).services.values();
  const [usageDelta] = aggregateFacts([toFact(event('t9', 500, 'A', 'u1'))]).usage.values();
  const [userDelta] = aggregateFacts([toFact(event('t9', 500, 'A', 'u1'))]).users.values();

  it('creates a service matched through the catalog, then adds to it', () => {
    const created = nextService(undefined, delta!, { users: 1, attempted: 1 }, 7, () => ({
      productId: 'p',
      productName: 'P',
      method: 'exact',
    }));
    expect(created).toMatchObject({
      _id: 'DA1.A',
      status: 'known',
      authCount: 1,
      userCount: 1,
      firstBatch: 7,
      lastBatch: 7,
      mergedInto: null,
    });
    const later = nextService(
      { ...created, firstSeen: new Date(900_000), lastSeen: new Date(900_000), status: 'ignored' },
      delta!,
      { users: 0, attempted: 0 },
      8,
      () => null,
    );
    expect(later).toMatchObject({
      status: 'ignored',
      authCount: 2,
      userCount: 1,
      firstSeen: new Date(500_000),
      lastSeen: new Date(900_000),
      firstBatch: 7,
      lastBatch: 8,
    });
    expect(nextService(undefined, delta!, { users: 1, attempted: 1 }, 7, () => null)).toMatchObject({
      status: 'new',
      catalog: null,
    });
  });

  it('adds usage counts and keeps the first/last span', () => {
    const created = nextUsage(undefined, usageDelta!, 1);
    expect(nextUsage({ ...created, firstSeen: new Date(1_000) }, usageDelta!, 2)).toMatchObject({
      count: 2,
      firstSeen: new Date(1_000),
      lastSeen: new Date(500_000),
    });
  });

  it('adds a batch to the day counts as stored', () => {
    const [day] = aggregateFacts([toFact(event('t9', 500, 'A', 'u1', 'fraud'))]).activity.values();
    const created = nextActivity(undefined, day!, 4);
    expect(created).toEqual({
      _id: 'DA1|1970-01-01',
      accountId: 'DA1',
      day: '1970-01-01',
      total: 1,
      success: 0,
      denied: 0,
      fraud: 1,
      other: 0,
      lastBatch: 4,
    });
    expect(nextActivity(created, day!, 5)).toMatchObject({ total: 2, fraud: 2, lastBatch: 5 });
  });

  it('keeps a users snapshot profile and marks the first batch seen in logs', () => {
    const fromSnapshot: UserDoc = {
      _id: 'DA1.u1',
      accountId: 'DA1',
      userKey: 'u1',
      username: 'real',
      realName: 'Real Name',
      profileAt: new Date(5),
      lastSeen: NEVER,
      authCount: 0,
      ...NO_OUTCOMES,
      serviceCount: 0,
      lastBatch: 0,
    };
    expect(nextUser(fromSnapshot, userDelta!, 1, 3)).toMatchObject({
      username: 'real',
      realName: 'Real Name',
      authCount: 1,
      serviceCount: 1,
      firstLogBatch: 3,
      lastSeen: new Date(500_000),
      firstSeen: new Date(500_000),
    });
  });
});
