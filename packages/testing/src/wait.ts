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
