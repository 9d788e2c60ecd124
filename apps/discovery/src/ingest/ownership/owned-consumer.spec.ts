import type { LoopConsumer } from '@seatwise/shared/bus/consumer-loop';
import type { ConsumedEvent } from '@seatwise/shared/bus/durable-consumer';
import type { IngestOwnership } from './ingest-ownership';
import { ownedConsumer } from './owned-consumer';
import { partitionOf } from './partitions';

type Event = ConsumedEvent<'duo.authlog'>;

const event = (accountId: string): Event => ({ payload: { accountId } }) as unknown as Event;

describe('ownedConsumer', () => {
  it('keeps the events of held partitions and hands the others back with the delay', async () => {
    const batch = [event('DA1'), event('DA2'), event('DA1')];
    const handedBack: { events: Event[]; delayMs: number }[] = [];
    const inner = {
      heartbeatMs: 1,
      fetchBatch: () => Promise.resolve(batch),
      retryLater: (events: readonly Event[], delayMs: number) => {
        handedBack.push({ events: [...events], delayMs });
        return Promise.resolve();
      },
    } as unknown as LoopConsumer<'duo.authlog'>;
    const noticed: number[] = [];
    const ownership = {
      options: { partitions: 8, leaseMs: 1, handBackMs: 2_000 },
      partitionOf: (a: string) => partitionOf(a, 8),
      holds: (p: number) => p === partitionOf('DA1', 8),
      noticeUnowned: (p: number) => noticed.push(p),
    } as unknown as IngestOwnership;
    const slept: number[] = [];
    const sleep = (ms: number) => {
      slept.push(ms);
      return Promise.resolve();
    };
    const owned = ownedConsumer(
      inner,
      ownership,
      (e) => e.payload.accountId,
      sleep,
      () => 0.25,
    );
    const mine = await owned.fetchBatch({ max: 3, expiresMs: 1 });
    expect(mine).toEqual([batch[0], batch[2]]);
    expect(handedBack).toEqual([{ events: [batch[1]], delayMs: 2_000 }]);
    expect(noticed).toEqual([partitionOf('DA2', 8)]);
    expect(slept).toEqual([]);
    // Nothing of its own: it waits before asking again, past the hand-back delay (its hand-backs return to the
    // holder's pull, not its own) and by a random amount (two replicas do not fall into step).
    // mutation: a wait of exactly handBackMs (as before) fails here, and stalled the replicas spec in one run of two.
    batch.splice(0, 3, event('DA2'));
    expect(await owned.fetchBatch({ max: 3, expiresMs: 1 })).toEqual([]);
    expect(slept).toEqual([2_000 * 1.75]);
  });
});
