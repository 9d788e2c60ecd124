import { PeriodicTask } from './periodic-task';

// One run at a time, failures reported and not thrown, the timer's ticks, and a stop that waits for the run.
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('PeriodicTask', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('joins a tick to the run under way instead of starting another', async () => {
    const gate = deferred();
    const run = jest.fn(() => gate.promise);
    const task = new PeriodicTask(run, () => undefined);
    const first = task.tick();
    const second = task.tick();
    expect(second).toBe(first);
    gate.resolve();
    await first;
    expect(run).toHaveBeenCalledTimes(1);
    await task.tick();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('reports a failed run and runs again at the next tick', async () => {
    const errors: unknown[] = [];
    const run = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(undefined);
    const task = new PeriodicTask(run, (error) => errors.push(error));
    await expect(task.tick()).resolves.toBeUndefined();
    expect(errors).toEqual([new Error('down')]);
    await task.tick();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('ticks every interval once started and no more once stopped', async () => {
    jest.useFakeTimers();
    const run = jest.fn(() => Promise.resolve());
    const task = new PeriodicTask(run, () => undefined);
    task.start(1_000);
    await jest.advanceTimersByTimeAsync(3_500);
    expect(run).toHaveBeenCalledTimes(3);
    await task.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('stops only after the run under way has finished', async () => {
    const gate = deferred();
    let finished = false;
    const task = new PeriodicTask(
      () =>
        gate.promise.then(() => {
          finished = true;
        }),
      () => undefined,
    );
    void task.tick();
    const stopped = task.stop().then(() => finished);
    gate.resolve();
    await expect(stopped).resolves.toBe(true);
  });
});
