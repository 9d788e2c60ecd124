import type { LoopConsumer } from '@seatwise/shared/bus/consumer-loop';
import type { ConsumedEvent, FetchOptions } from '@seatwise/shared/bus/durable-consumer';
import type { EventName } from '@seatwise/shared/contracts/events';
import type { IngestOwnership } from './ingest-ownership';

// The durable consumers are shared by every replica (one queue), so a replica receives every account's messages.
// It keeps those of the partitions it holds and hands the others back with a short delay, for whichever replica
// the server delivers them to next (the holder, sooner or later). A handed-back message spends a delivery: with the
// consumers' 200 deliveries (contracts/consumers.ts) and a 2 s delay, a partition may go without a holder for minutes.
// A replica whose whole batch was another's waits before fetching again, longer than the hand-back delay and by a
// random amount: its hand-backs come back while it sleeps, to the holder's pull. Waiting exactly the delay, two
// replicas fell into step: each woke as its own hand-backs came back, was the only one asking, took them again and
// handed them back, for ever (the replicas spec stalled in one run of two, every message past 30 deliveries).
export function ownedConsumer<N extends EventName>(
  consumer: LoopConsumer<N>,
  ownership: IngestOwnership,
  accountOf: (event: ConsumedEvent<N>) => string,
  sleep: (ms: number) => Promise<void>,
  random: () => number = Math.random,
): LoopConsumer<N> {
  return {
    heartbeatMs: consumer.heartbeatMs,
    ack: (batch) => consumer.ack(batch),
    retryLater: (batch, delayMs, reason) => consumer.retryLater(batch, delayMs, reason),
    release: (batch) => consumer.release(batch),
    working: (batch) => {
      consumer.working(batch);
    },
    fetchBatch: async (options: FetchOptions) => {
      const batch = await consumer.fetchBatch(options);
      const mine: ConsumedEvent<N>[] = [];
      const others: ConsumedEvent<N>[] = [];
      for (const event of batch) {
        const partition = ownership.partitionOf(accountOf(event));
        if (ownership.holds(partition)) mine.push(event);
        else {
          others.push(event);
          ownership.noticeUnowned(partition);
        }
      }
      if (others.length > 0) {
        await consumer.retryLater(others, ownership.options.handBackMs, 'account partition held by another replica');
        if (mine.length === 0) await sleep(ownership.options.handBackMs * (1.5 + random()));
      }
      return mine;
    },
  };
}
