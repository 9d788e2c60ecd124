// The CLI plumbing both simulators share (the PSA simulator imports it): start from argv, print the
// info object as the first stdout line, exit 2 on bad flags or options, stop cleanly on SIGTERM/SIGINT.

import { OptionsError, UsageError } from './sim-input';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

type Simulator = { info: unknown; close(): Promise<void> };

export interface SimulatorCli<S extends Simulator> {
  name: string;
  usage: string;
  start: (argv: string[]) => Promise<S>;
}

export interface SimulatorEntry<S extends Simulator> {
  // Returns the running simulator, or exit code 2 for bad flags/options (tests drive it without a process).
  runCli: (argv: string[], io: CliIo) => Promise<S | number>;
  // The process entry point of the simulator's bin (and of `node dist/cli.js`).
  cliMain: () => void;
}

export function simulatorEntry<S extends Simulator>(cli: SimulatorCli<S>): SimulatorEntry<S> {
  return {
    runCli: (argv, io) => runSimulatorCli(cli, argv, io),
    cliMain: () => {
      simulatorCliMain(cli);
    },
  };
}

// Bad flags or options (exit 2), as opposed to a failure to start.
function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || error instanceof OptionsError;
}

async function runSimulatorCli<S extends Simulator>(
  cli: SimulatorCli<S>,
  argv: string[],
  io: CliIo,
): Promise<S | number> {
  try {
    const simulator = await cli.start(argv);
    io.stdout(JSON.stringify(simulator.info));
    return simulator;
  } catch (error) {
    if (!isUsageError(error)) throw error;
    io.stderr(`${cli.name}: ${error instanceof Error ? error.message : String(error)}\n${cli.usage}`);
    return 2;
  }
}

async function main<S extends Simulator>(cli: SimulatorCli<S>): Promise<void> {
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

function simulatorCliMain<S extends Simulator>(cli: SimulatorCli<S>): void {
  main(cli).catch((error: unknown) => {
    process.stderr.write(`${cli.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
