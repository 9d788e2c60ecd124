export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  description?: string;
}

// Polls a condition until it holds or the deadline passes; tests use it instead of sleeping.
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  options: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const interval = options.intervalMs ?? 100;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out waiting for ${options.description ?? 'condition'}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

// Awaits an operation that may hang (a server that never answers): past the deadline it rejects naming what was
// awaited, so a hang is reported as the failure it is, well before jest's own timeout.
export function answeredWithin<T>(operation: Promise<T>, timeoutMs: number, description: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${description} did not answer in ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([operation, deadline]).finally(() => {
    clearTimeout(timer);
  });
}
