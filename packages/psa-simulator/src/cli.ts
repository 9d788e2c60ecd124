import { type CliIo, runSimulatorCli, type SimulatorCli, simulatorCliMain } from '@seatwise/duo-simulator/cli-runner';
import { parseCliArgs, USAGE } from './cli-args';
import { OptionsError, UsageError } from '@seatwise/duo-simulator/sim-input';
import { startPsaSimulator, type PsaSimulator } from './server';

const cli: SimulatorCli<PsaSimulator> = {
  name: 'psa-sim',
  usage: USAGE,
  start: (argv) => startPsaSimulator(parseCliArgs(argv)),
  isUsageError: (error) => error instanceof UsageError || error instanceof OptionsError,
};

export function runCli(argv: string[], io: CliIo): Promise<PsaSimulator | number> {
  return runSimulatorCli(cli, argv, io);
}

// Process entry point (used by bin/psa-sim.js and `node dist/cli.js`).
export function cliMain(): void {
  simulatorCliMain(cli);
}

if (require.main === module) cliMain();
