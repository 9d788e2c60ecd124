import type { ConsumedEvent } from './durable-consumer';
import { type LoopConsumer, runConsumerLoop } from './consumer-loop';

type Event = ConsumedEvent<'duo.authlog'>;

// Stands in for the JetStream consumer (the side effect): serves queued batches, records the calls
// in order, and lets a test decide when each fetch returns.
class ScriptedConsumer implements LoopConsumer<'duo.authlog'> {
  readonly calls: string[] = [];
  private readonly pending: ((batch: Event[]) => void)[] = [];
  fetchesStarted = 0;

  fetchBatch(): Promise<Event[]> {
    this.fetchesStarted += 1;
    this.calls.push(`fetch${this.fetchesStarted}`);
    return new Promise((resolve) => this.pending.push(resolve));
  }

  // Completes the oldest fetch still waiting with a batch of events numbered `ids`.
  serve(...ids: number[]): void {
    const resolve = this.pending.shift();
    if (!resolve) throw new Error('no fetch is waiting');
    resolve(ids.map((id) => ({ streamSequence: id }) as Event));
  }

  waiting(): number {
    return this.pending.length;
  }

  ack(batch: readonly Event[]): Promise<void> {
    return this.record(`ack ${seqs(batch)}`);
  }

  retryLater(batch: readonly Event[]): Promise<void> {
    return this.record(`retry ${seqs(batch)}`);
  }

  release(batch: readonly Event[]): Promise<void> {
    return this.record(`release ${seqs(batch)}`);
  }

  private record(call: string): Promise<void> {
    this.calls.push(call);
    return Promise.resolve();
  }
}

const seqs = (batch: readonly Event[]): string => batch.map((e) => e.streamSequence).join(',');

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition not reached');
}

describe('runConsumerLoop', () => {
  it('fetches, handles and acks one batch at a time without prefetch', async () => {
    const consumer = new ScriptedConsumer();
    const stop = new AbortController();
    const handled: string[] = [];
    const loop = runConsumerLoop(consumer, (batch) => Promise.resolve(void handled.push(seqs(batch))), {
      max: 10,
      expiresMs: 1_000,
      signal: stop.signal,
    });
    await until(() => consumer.waiting() === 1);
    consumer.serve(1, 2);
    await until(() => consumer.waiting() === 1 && handled.length === 1);
    stop.abort();
    consumer.serve();
    await loop;
    expect(consumer.calls).toEqual(['fetch1', 'ack 1,2', 'fetch2']);
    expect(handled).toEqual(['1,2']);
  });

  it('with prefetch, fetches the next batch while one is handled and releases it when stopped', async () => {
    const consumer = new ScriptedConsumer();
    const stop = new AbortController();
    let finishHandling: () => void = () => undefined;
    const handled: string[] = [];
    const loop = runConsumerLoop(
      consumer,
      (batch) =>
        new Promise<void>((resolve) => {
          handled.push(seqs(batch));
          finishHandling = resolve;
        }),
      { max: 10, expiresMs: 1_000, signal: stop.signal, prefetch: true },
    );
    await until(() => consumer.waiting() === 1);
    consumer.serve(1, 2);
    // The second fetch starts before the first batch is acked.
    await until(() => consumer.fetchesStarted === 2 && handled.length === 1);
    expect(consumer.calls).toEqual(['fetch1', 'fetch2']);
    consumer.serve(3);
    stop.abort();
    finishHandling();
    await loop;
    expect(handled).toEqual(['1,2']);
    expect(consumer.calls).toEqual(['fetch1', 'fetch2', 'ack 1,2', 'release 3']);
  });

  it('hands a failed batch back for redelivery and goes on with the next', async () => {
    const consumer = new ScriptedConsumer();
    const stop = new AbortController();
    const errors: string[] = [];
    let attempts = 0;
    const loop = runConsumerLoop(
      consumer,
      () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new Error('db down')) : Promise.resolve();
      },
      {
        max: 10,
        expiresMs: 1_000,
        signal: stop.signal,
        prefetch: true,
        retryDelayMs: 1,
        onError: (error, stage) => errors.push(`${stage}: ${String(error)}`),
      },
    );
    await until(() => consumer.waiting() === 1);
    consumer.serve(1);
    await until(() => consumer.waiting() === 1 && consumer.calls.includes('retry 1'));
    consumer.serve(2);
    await until(() => consumer.calls.includes('ack 2'));
    stop.abort();
    await until(() => consumer.waiting() === 1);
    consumer.serve();
    await loop;
    expect(errors).toEqual(['handle: Error: db down']);
    expect(consumer.calls.filter((c) => !c.startsWith('fetch'))).toEqual(['retry 1', 'ack 2']);
  });
});
