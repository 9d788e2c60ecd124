// Runs an entry point's main: a failure prints its stack as `<what> failed: …` and exits 1; a main that
// returns a number exits with it at once (children and timers it leaves must not keep the process up).
export function runMain(what: string, main: () => Promise<unknown>): void {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(
        `${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
