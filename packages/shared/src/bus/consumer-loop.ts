import type { EventName } from '../contracts/events';
import type { ConsumedEvent, DurableConsumer, FetchOptions } from './durable-consumer';

export interface ConsumerLoopOptions extends FetchOptions {
  signal: AbortSignal;
  // Back-off after a failed fetch (NATS down) or a failed handler (DB down), doubled up to maxDelayMs.
  retryDelayMs?: number;
  maxDelayMs?: number;
  onError?: (error: unknown, stage: 'fetch' | 'handle') => void;
  // Fetch the next batch while the current one is handled (at most two batches in memory). For
  // handlers that do not depend on the order of batches: a failed batch is retried after the next.
  prefetch?: boolean;
}

type Fetched<N extends EventName> = { ok: true; batch: ConsumedEvent<N>[] } | { ok: false; error: unknown };

// Fetch → handle → ack, one batch at a time (plus one prefetched, if asked), so memory is bounded by
// the batch size whatever the backlog. Stops after the batch in hand when the signal aborts (graceful
// drain); a prefetched batch is then handed back for immediate redelivery.
export type LoopConsumer<N extends EventName> = Pick<
  DurableConsumer<N>,
  'fetchBatch' | 'ack' | 'retryLater' | 'release'
>;

export async function runConsumerLoop<N extends EventName>(
  consumer: LoopConsumer<N>,
  handle: (batch: ConsumedEvent<N>[]) => Promise<void>,
  options: ConsumerLoopOptions,
): Promise<void> {
  const baseDelay = options.retryDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 10_000;
  let delay = baseDelay;
  const fetch = (): Promise<Fetched<N>> =>
    consumer.fetchBatch(options).then(
      (batch) => ({ ok: true as const, batch }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  let prefetched: Promise<Fetched<N>> | undefined;
  while (!options.signal.aborted) {
    const fetched = await (prefetched ?? fetch());
    prefetched = undefined;
    if (!fetched.ok) {
      options.onError?.(fetched.error, 'fetch');
      await pause(delay, options.signal);
      delay = Math.min(maxDelay, delay * 2);
      continue;
    }
    const batch = fetched.batch;
    if (batch.length === 0) continue;
    if (options.prefetch) prefetched = fetch();
    try {
      await handle(batch);
      await consumer.ack(batch);
      delay = baseDelay;
    } catch (error) {
      options.onError?.(error, 'handle');
      await consumer
        .retryLater(batch, delay, error instanceof Error ? error.message : String(error))
        .catch(() => undefined);
      await pause(delay, options.signal);
      delay = Math.min(maxDelay, delay * 2);
    }
  }
  if (prefetched) {
    const unhandled = await prefetched;
    if (unhandled.ok && unhandled.batch.length > 0) await consumer.release(unhandled.batch).catch(() => undefined);
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
