import { runMain } from '../process/run-main';

// Runs a bench's main: a failure prints its stack and exits 1, so `npm run bench` stops on it.
export function runBench(name: string, main: () => Promise<void>): void {
  runMain(`${name} bench`, main);
}

// The one machine-readable line a bench prints (`{"bench":"<name>",…}`), read by whoever compares runs.
export function writeBenchLine(summary: { bench: string } & Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
