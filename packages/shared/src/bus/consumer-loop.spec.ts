import type { ConsumedEvent } from './durable-consumer';
import { type LoopConsumer, runConsumerLoop } from './consumer-loop';

type Event = ConsumedEvent<'duo.authlog'>;

// Stands in for the JetStream consumer (the side effect): serves queued batches, records the calls
// in order, and lets a test decide when each fetch returns.
class ScriptedConsumer implements LoopConsumer<'duo.authlog'> {
  readonly calls: string[] = [];
  // working() calls, apart from `calls`: they come on a timer.
  readonly heartbeats: string[] = [];
  readonly heartbeatMs = 5;
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

  working(batch: readonly Event[]): void {
    this.heartbeats.push(seqs(batch));
  }

  private record(call: string): Promise<void> {
    this.calls.push(call);
    return Promise.resolve();
  }
}

const seqs = (batch: readonly Event[]): string => batch.map((e) => e.streamSequence).join(',');

// An error as the MongoDB driver throws it while the server is down.
function databaseDown(): Error {
  const error = new Error('connect ECONNREFUSED 127.0.0.1:27017');
  error.name = 'MongoNetworkError';
  return error;
}

// For what a timer brings about (heartbeats, back-off): polls until a deadline.
async function eventually(condition: () => boolean, deadlineMs = 5_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  if (!condition()) throw new Error('condition not reached before the deadline');
}

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

  it('holds a batch through a database outage and tries it again in place, costing no delivery (mutation: without the infrastructure branch it is handed back with retryLater and this fails)', async () => {
    const consumer = new ScriptedConsumer();
    const stop = new AbortController();
    const stages: string[] = [];
    let attempts = 0;
    const loop = runConsumerLoop(
      consumer,
      () => {
        attempts += 1;
        return attempts <= 3 ? Promise.reject(databaseDown()) : Promise.resolve();
      },
      {
        max: 10,
        expiresMs: 1_000,
        signal: stop.signal,
        retryDelayMs: 1,
        onError: (_error, stage) => stages.push(stage),
      },
    );
    await until(() => consumer.waiting() === 1);
    consumer.serve(1, 2);
    await eventually(() => consumer.calls.includes('ack 1,2'));
    stop.abort();
    await until(() => consumer.waiting() === 1);
    consumer.serve();
    await loop;
    expect(attempts).toBe(4);
    expect(stages).toEqual(['infrastructure', 'infrastructure', 'infrastructure']);
    expect(consumer.calls.filter((c) => !c.startsWith('fetch'))).toEqual(['ack 1,2']);
  });

  it('hands a batch held in an outage back undelivered when stopped', async () => {
    const consumer = new ScriptedConsumer();
    const stop = new AbortController();
    const stages: string[] = [];
    const loop = runConsumerLoop(consumer, () => Promise.reject(databaseDown()), {
      max: 10,
      expiresMs: 1_000,
      signal: stop.signal,
      retryDelayMs: 1,
      onError: (_error, stage) => stages.push(stage),
    });
    await until(() => consumer.waiting() === 1);
    consumer.serve(7);
    await eventually(() => stages.length >= 2);
    stop.abort();
    await loop;
    expect(consumer.calls.filter((c) => !c.startsWith('fetch'))).toEqual(['release 7']);
  });

  it('tells JetStream a batch in hand is being worked on until it is acked (mutation: without the heartbeat timer no working() call is made)', async () => {
    const consumer = new ScriptedConsumer();
    const stop = new AbortController();
    let finishHandling: () => void = () => undefined;
    const loop = runConsumerLoop(
      consumer,
      () =>
        new Promise<void>((resolve) => {
          finishHandling = resolve;
        }),
      { max: 10, expiresMs: 1_000, signal: stop.signal },
    );
    await until(() => consumer.waiting() === 1);
    consumer.serve(4, 5);
    await eventually(() => consumer.heartbeats.length >= 3);
    expect(new Set(consumer.heartbeats)).toEqual(new Set(['4,5']));
    finishHandling();
    await until(() => consumer.calls.includes('ack 4,5'));
    const afterAck = consumer.heartbeats.length;
    stop.abort();
    await until(() => consumer.waiting() === 1);
    consumer.serve();
    await loop;
    // At most one tick raced the ack; none comes after the loop ends.
    expect(consumer.heartbeats.length - afterAck).toBeLessThanOrEqual(1);
  });
});
