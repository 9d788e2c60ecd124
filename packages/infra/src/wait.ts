export class WaitTimeoutError extends Error {}

export interface WaitUntilOptions {
  timeoutMs: number;
  intervalMs?: number;
  // Named in the timeout message: "timed out after 60s waiting for <what>".
  what: string;
  // Ends the wait early (with the signal's reason), e.g. once the awaited process has exited: no timer is left behind.
  signal?: AbortSignal;
}

// Polls until the probe holds or the deadline passes. Start-up waits race this against the first unexpected
// exit of the process they wait for, so a crash is reported at once rather than as a timeout.
export async function waitUntil(probe: () => Promise<boolean>, options: WaitUntilOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await probe()) return;
    if (Date.now() >= deadline) {
      throw new WaitTimeoutError(
        `timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${options.what}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
