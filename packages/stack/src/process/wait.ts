export class WaitTimeoutError extends Error {}

// Polls until the probe holds or the deadline passes. Start-up waits race this against the first
// unexpected child exit, so a crash is reported at once rather than as a timeout.
export async function waitUntil(probe: () => Promise<boolean>, options: { timeoutMs: number; intervalMs?: number; what: string }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() >= deadline) throw new WaitTimeoutError(`timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
