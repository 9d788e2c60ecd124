// Runs a bench's main: a failure prints its stack and exits 1, so `npm run bench` stops on it.
export function runBench(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${name} bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}

// The one machine-readable line a bench prints (`{"bench":"<name>",…}`), read by whoever compares runs.
export function writeBenchLine(summary: { bench: string } & Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
