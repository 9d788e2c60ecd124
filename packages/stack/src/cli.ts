import { parseArgs } from 'node:util';
import { parseEnvOrReport } from '@seatwise/shared/config/env';
import { runMain } from '@seatwise/shared/process/run-main';
import { repoRoot, stackPaths } from './config/paths';
import { stackEnvSchema } from './config/stack-env';
import { TerminalOutput } from './process/log-output';
import { runStack } from './run-stack';

const USAGE = `usage: npm run stack [-- --fresh] [-- --dir PATH]
  Starts NATS, a MongoDB-wire server, the Duo and ConnectWise simulators and the four Seatwise services
  as local processes, waits until every health check is green and writes <dir>/stack.json.
  --fresh     delete the stack's data (databases, streams, keys) first
  --dir PATH  keep data in PATH instead of .seatwise/ (also SEATWISE_STACK_DIR)
  Environment: see docs/configuration.md (SEATWISE_DEMO, SEATWISE_DEMO_ACCOUNTS, ports, …).`;

async function main(): Promise<number> {
  let values: { fresh?: boolean; dir?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { fresh: { type: 'boolean' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = parseEnvOrReport(stackEnvSchema, process.env, 'stack');
  if (!env) return 2;
  const root = repoRoot();
  const paths = stackPaths(root, values.dir ?? env.SEATWISE_STACK_DIR);
  return runStack({ paths, env, processEnv: process.env, fresh: values.fresh === true, output: new TerminalOutput() });
}

runMain('stack', main);
