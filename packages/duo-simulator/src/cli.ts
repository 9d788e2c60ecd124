import { type CliIo, runSimulatorCli, type SimulatorCli, simulatorCliMain } from './cli-runner';
import { parseCliArgs, USAGE } from './cli-args';
import { OptionsError, UsageError } from './sim-input';
import { startDuoSimulator, type DuoSimulator } from './server';

const cli: SimulatorCli<DuoSimulator> = {
  name: 'duo-sim',
  usage: USAGE,
  start: (argv) => startDuoSimulator(parseCliArgs(argv)),
  isUsageError: (error) => error instanceof UsageError || error instanceof OptionsError,
};

export function runCli(argv: string[], io: CliIo): Promise<DuoSimulator | number> {
  return runSimulatorCli(cli, argv, io);
}

// Process entry point (used by bin/duo-sim.js and `node dist/cli.js`).
export function cliMain(): void {
  simulatorCliMain(cli);
}

if (require.main === module) cliMain();
