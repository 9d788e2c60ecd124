import type { EventName } from '../contracts/events';
import type { ConsumedEvent, DurableConsumer, FetchOptions } from './durable-consumer';

export interface ConsumerLoopOptions extends FetchOptions {
  signal: AbortSignal;
  // Back-off after a failed fetch (NATS down) or a failed handler (DB down), doubled up to maxDelayMs.
  retryDelayMs?: number;
  maxDelayMs?: number;
  onError?: (error: unknown, stage: 'fetch' | 'handle') => void;
}

// Fetch → handle → ack, one batch at a time, so memory is bounded by the batch size whatever the
// backlog. Stops after the batch in hand when the signal aborts (graceful drain).
export async function runConsumerLoop<N extends EventName>(
  consumer: DurableConsumer<N>,
  handle: (batch: ConsumedEvent<N>[]) => Promise<void>,
  options: ConsumerLoopOptions,
): Promise<void> {
  const baseDelay = options.retryDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 10_000;
  let delay = baseDelay;
  while (!options.signal.aborted) {
    let batch: ConsumedEvent<N>[];
    try {
      batch = await consumer.fetchBatch(options);
    } catch (error) {
      options.onError?.(error, 'fetch');
      await pause(delay, options.signal);
      delay = Math.min(maxDelay, delay * 2);
      continue;
    }
    if (batch.length === 0) continue;
    try {
      await handle(batch);
      await consumer.ack(batch);
      delay = baseDelay;
    } catch (error) {
      options.onError?.(error, 'handle');
      await consumer.retryLater(batch, delay, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      await pause(delay, options.signal);
      delay = Math.min(maxDelay, delay * 2);
    }
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
