import type { EventName } from '../contracts/events';
import { isInfrastructureError } from '../errors/infrastructure-error';
import type { ConsumedEvent, DurableConsumer, FetchOptions } from './durable-consumer';

export type ConsumerLoopStage = 'fetch' | 'handle' | 'infrastructure';

export interface ConsumerLoopOptions extends FetchOptions {
  signal: AbortSignal;
  // Back-off after a failed fetch (NATS down), a failed handler, or a server out of reach, doubled up to maxDelayMs.
  retryDelayMs?: number;
  maxDelayMs?: number;
  // 'infrastructure': the database or NATS is out of reach; the loop holds its batch and tries it again.
  onError?: (error: unknown, stage: ConsumerLoopStage) => void;
  // Fetch the next batch while the current one is handled (at most two batches in memory). For
  // handlers that do not depend on the order of batches: a failed batch is retried after the next.
  prefetch?: boolean;
}

type Fetched<N extends EventName> = { ok: true; batch: ConsumedEvent<N>[] } | { ok: false; error: unknown };

export type LoopConsumer<N extends EventName> = Pick<
  DurableConsumer<N>,
  'fetchBatch' | 'ack' | 'retryLater' | 'release' | 'working' | 'heartbeatMs'
>;

// Fetch → handle → ack, one batch at a time (plus one prefetched, if asked), so memory is bounded by
// the batch size whatever the backlog. Stops after the batch in hand when the signal aborts (graceful
// drain); a prefetched batch is then handed back for immediate redelivery.
//
// Every batch held (in hand or prefetched) tells JetStream it is being worked on, every `heartbeatMs`, so a long
// batch is not redelivered to another replica while it is handled. A handler that fails because a server is out of
// reach (isInfrastructureError) does not cost a delivery: the loop keeps the batch, pauses and tries it again until
// the server is back, so no outage, however long, dead-letters work. Other failures are handed back for a later
// redelivery, and dead-lettered after the consumer's maxDeliver.
export async function runConsumerLoop<N extends EventName>(
  consumer: LoopConsumer<N>,
  handle: (batch: ConsumedEvent<N>[]) => Promise<void>,
  options: ConsumerLoopOptions,
): Promise<void> {
  const backoff = new Backoff(options.retryDelayMs ?? 250, options.maxDelayMs ?? 10_000);
  const held = new Set<ConsumedEvent<N>[]>();
  const heartbeat = setInterval(() => {
    for (const batch of held) consumer.working(batch);
  }, consumer.heartbeatMs);
  const fetch = (): Promise<Fetched<N>> =>
    consumer.fetchBatch(options).then(
      (batch) => {
        held.add(batch);
        // The fetch may have waited up to expiresMs for a full batch: restart the ack wait from now.
        if (batch.length > 0) consumer.working(batch);
        return { ok: true as const, batch };
      },
      (error: unknown) => ({ ok: false as const, error }),
    );
  let prefetched: Promise<Fetched<N>> | undefined;
  try {
    while (!options.signal.aborted) {
      const fetched = await (prefetched ?? fetch());
      prefetched = undefined;
      if (!fetched.ok) {
        options.onError?.(fetched.error, 'fetch');
        await pause(backoff.next(), options.signal);
        continue;
      }
      const batch = fetched.batch;
      if (batch.length === 0) {
        held.delete(batch);
        continue;
      }
      if (options.prefetch) prefetched = fetch();
      await settle(consumer, handle, batch, options, backoff);
      held.delete(batch);
    }
  } finally {
    clearInterval(heartbeat);
  }
  if (prefetched) {
    const unhandled = await prefetched;
    if (unhandled.ok && unhandled.batch.length > 0) await consumer.release(unhandled.batch).catch(() => undefined);
  }
}

// Handles and acks one batch; tries it again in place while a server is out of reach.
async function settle<N extends EventName>(
  consumer: LoopConsumer<N>,
  handle: (batch: ConsumedEvent<N>[]) => Promise<void>,
  batch: ConsumedEvent<N>[],
  options: ConsumerLoopOptions,
  backoff: Backoff,
): Promise<void> {
  for (;;) {
    try {
      await handle(batch);
      await consumer.ack(batch);
      backoff.reset();
      return;
    } catch (error) {
      if (isInfrastructureError(error)) {
        options.onError?.(error, 'infrastructure');
        await pause(backoff.next(), options.signal);
        if (!options.signal.aborted) continue;
        // Stopping during an outage: handed back undelivered, for whichever replica runs next.
        await consumer.release(batch).catch(() => undefined);
        return;
      }
      options.onError?.(error, 'handle');
      const delay = backoff.next();
      await consumer
        .retryLater(batch, delay, error instanceof Error ? error.message : String(error))
        .catch(() => undefined);
      await pause(delay, options.signal);
      return;
    }
  }
}

class Backoff {
  private delay: number;

  constructor(
    private readonly base: number,
    private readonly max: number,
  ) {
    this.delay = base;
  }

  // The delay to wait now; the one after it doubles, up to the maximum.
  next(): number {
    const now = this.delay;
    this.delay = Math.min(this.max, this.delay * 2);
    return now;
  }

  reset(): void {
    this.delay = this.base;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
