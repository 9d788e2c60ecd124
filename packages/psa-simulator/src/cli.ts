import { simulatorEntry } from '@seatwise/duo-simulator/cli-runner';
import { parseCliArgs, USAGE } from './cli-args';
import { startPsaSimulator } from './server';

// runCli for specs; cliMain for bin/psa-sim.js and `node dist/cli.js`.
export const { runCli, cliMain } = simulatorEntry({
  name: 'psa-sim',
  usage: USAGE,
  start: (argv) => startPsaSimulator(parseCliArgs(argv)),
});

if (require.main === module) cliMain();
