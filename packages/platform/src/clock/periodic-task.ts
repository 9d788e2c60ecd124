// A task run every interval, one run at a time: a tick that finds a run under way returns that run instead of
// starting another. A failed run is reported to onError and left to the next tick. Unref'd: a timer alone never
// keeps the process up. stop() clears the timer and waits for the run under way (a service's shutdown).
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  // Ticks every intervalMs from now on (the first tick after one interval; call tick() for one now).
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  tick(): Promise<void> {
    this.running ??= this.run()
      .catch((error: unknown) => {
        this.onError(error);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
