// Starts the calls asked for during one turn of the event loop together, at its end (setImmediate). Each
// HTTP request reaches its RPC in its own socket callback, and the NATS client writes what was published
// when the microtasks after that callback run: one socket write (and one wake-up of nats-server) per request.
// Started together, a turn's requests leave in one write: under the gateway bench (16 connections) about 8
// requests a write, where that write had been the largest single entry of the gateway's profile. The delay
// is the rest of the current turn.
export class TurnBatch {
  private queued: (() => void)[] = [];

  run<T>(start: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queued.length === 0) {
        setImmediate(() => {
          this.startQueued();
        });
      }
      this.queued.push(() => {
        // A start that throws fails its own call only: the rest of the batch still starts.
        try {
          start().then(resolve, reject);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  private startQueued(): void {
    const queued = this.queued;
    this.queued = [];
    for (const begin of queued) begin();
  }
}
