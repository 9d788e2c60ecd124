// The CLI plumbing both simulators share (the PSA simulator imports it): start from argv, print the
// info object as the first stdout line, exit 2 on bad flags or options, stop cleanly on SIGTERM/SIGINT.

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface SimulatorCli<S extends { info: unknown; close(): Promise<void> }> {
  name: string;
  usage: string;
  start: (argv: string[]) => Promise<S>;
  // Errors that mean "bad flags or options" (exit 2), as opposed to a failure to start.
  isUsageError: (error: unknown) => boolean;
}

// Returns the running simulator, or exit code 2 for bad flags/options, so tests can drive it without a process.
export async function runSimulatorCli<S extends { info: unknown; close(): Promise<void> }>(
  cli: SimulatorCli<S>,
  argv: string[],
  io: CliIo,
): Promise<S | number> {
  try {
    const simulator = await cli.start(argv);
    io.stdout(JSON.stringify(simulator.info));
    return simulator;
  } catch (error) {
    if (!cli.isUsageError(error)) throw error;
    io.stderr(`${cli.name}: ${error instanceof Error ? error.message : String(error)}\n${cli.usage}`);
    return 2;
  }
}

async function main<S extends { info: unknown; close(): Promise<void> }>(cli: SimulatorCli<S>): Promise<void> {
  const result = await runSimulatorCli(cli, process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  if (typeof result === 'number') {
    process.exitCode = result;
    return;
  }
  const shutdown = (): void => {
    result.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${cli.name}: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

// Process entry point of a simulator's bin.
export function simulatorCliMain<S extends { info: unknown; close(): Promise<void> }>(cli: SimulatorCli<S>): void {
  main(cli).catch((error: unknown) => {
    process.stderr.write(`${cli.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
