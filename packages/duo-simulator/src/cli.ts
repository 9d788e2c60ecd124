import { simulatorEntry } from './cli-runner';
import { parseCliArgs, USAGE } from './cli-args';
import { startDuoSimulator } from './server';

// runCli for specs; cliMain for bin/duo-sim.js and `node dist/cli.js`.
export const { runCli, cliMain } = simulatorEntry({
  name: 'duo-sim',
  usage: USAGE,
  start: (argv) => startDuoSimulator(parseCliArgs(argv)),
});

if (require.main === module) cliMain();
