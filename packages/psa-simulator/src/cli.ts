import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { OptionsError } from './options';
import { startPsaSimulator, type PsaSimulator } from './server';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

// Starts the simulator from argv and prints the info object as the first stdout line. Returns the running
// simulator, or an exit code (2) for bad flags/options so tests can drive it without a process.
export async function runCli(argv: string[], io: CliIo): Promise<PsaSimulator | number> {
  try {
    const simulator = await startPsaSimulator(parseCliArgs(argv));
    io.stdout(JSON.stringify(simulator.info));
    return simulator;
  } catch (error) {
    if (error instanceof UsageError || error instanceof OptionsError) {
      io.stderr(`psa-sim: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const result = await runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  if (typeof result === 'number') {
    process.exitCode = result;
    return;
  }
  const shutdown = (): void => {
    result.close().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`psa-sim: shutdown failed: ${String(error)}\n`);
      process.exit(1);
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

// Process entry point (used by bin/psa-sim.js and `node dist/cli.js`).
export function cliMain(): void {
  main().catch((error: unknown) => {
    process.stderr.write(`psa-sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

if (require.main === module) cliMain();
