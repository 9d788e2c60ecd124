// The bench's knobs, from the environment; the defaults are what the issue asks for (10,000 rows).
export interface BenchConfig {
  rows: number;
  // Every row is made through the real paths (a snapshot on NATS, reconcile's own mapping): 10,000 rows took 651 s
  // on the embedded FerretDB 1.24 as .ci/provision-ferretdb.sh builds it, on a 2-core machine (a stock FerretDB
  // 1.24, whose `_id` lookups scan, had 8,112 after 90 minutes); far less on MongoDB.
  seedTimeoutMs: number;
  stackTimeoutMs: number;
  // Each step in the browser, loading all the rows included: on the embedded FerretDB every page of the list reads
  // the whole collection (2–3.5 s per 200 rows at 10,000, measured), so scrolling to the 10,000th row takes minutes.
  browserTimeoutMs: number;
  // Cold loads of the first screen (and of the empty page); the median is reported.
  firstScreenRuns: number;
  apiRuns: number;
}

export const FIRST_SCREEN_JS_BUDGET_KB = 300;

export function benchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  return {
    // A JSON import takes at most 20,000 companies.
    rows: whole(env, 'BENCH_CONSOLE_ROWS', 10_000, 1, 20_000),
    seedTimeoutMs: whole(env, 'BENCH_CONSOLE_SEED_TIMEOUT_MS', 90 * 60_000, 1_000, 4 * 3600_000),
    stackTimeoutMs: whole(env, 'BENCH_CONSOLE_STACK_TIMEOUT_MS', 300_000, 1_000, 3600_000),
    browserTimeoutMs: whole(env, 'BENCH_CONSOLE_BROWSER_TIMEOUT_MS', 15 * 60_000, 1_000, 3600_000),
    firstScreenRuns: whole(env, 'BENCH_CONSOLE_FIRST_SCREEN_RUNS', 3, 1, 50),
    apiRuns: whole(env, 'BENCH_CONSOLE_API_RUNS', 3, 1, 50),
  };
}

function whole(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const text = env[key];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${key}=${text}: must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
