import { parseArgs } from 'node:util';
import { parseEnvOrReport } from '@seatwise/shared/config/env';
import { runMain } from '@seatwise/shared/process/run-main';
import { repoRoot, stackPaths } from './config/paths';
import { stackEnvSchema } from './config/stack-env';
import { TerminalOutput } from './process/log-output';
import { runStack } from './run-stack';
import { MAX_NATS_CLUSTER, MAX_REPLICAS, parseScale, type StackScale } from './config/scale';

const USAGE = `usage: npm run stack [-- --fresh] [-- --dir PATH] [-- --replicas N --nats-cluster N]
  Starts NATS, a MongoDB-wire server, the Duo and ConnectWise simulators and the five Seatwise services
  as local processes, waits until every health check is green and writes <dir>/stack.json.
  --fresh           delete the stack's data (databases, streams, keys) first
  --dir PATH        keep data in PATH instead of .seatwise/ (also SEATWISE_STACK_DIR)
  --replicas N      run N processes of every service (1-${MAX_REPLICAS}, default 1); replica k of a service
                    listens on its port + 100·(k-1): the second gateway on 3100
  --nats-cluster N  run NATS as a JetStream cluster of N nodes (1 or an odd count 3-${MAX_NATS_CLUSTER}, default 1),
                    streams at one copy per node (at most 5); node k on SEATWISE_NATS_PORT + k-1
  Environment: see docs/configuration.md (SEATWISE_DEMO, SEATWISE_DEMO_ACCOUNTS, ports, …).`;

async function main(): Promise<number> {
  let values: { fresh?: boolean; dir?: string; help?: boolean; replicas?: string; 'nats-cluster'?: string };
  let scale: StackScale;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        fresh: { type: 'boolean' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        replicas: { type: 'string' },
        'nats-cluster': { type: 'string' },
      },
    }));
    scale = parseScale({ replicas: values.replicas, natsCluster: values['nats-cluster'] });
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
  return runStack({
    paths,
    env,
    processEnv: process.env,
    fresh: values.fresh === true,
    output: new TerminalOutput(),
    scale,
  });
}

runMain('stack', main);
