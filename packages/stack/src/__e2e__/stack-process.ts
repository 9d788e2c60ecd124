import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@seatwise/testing/wait';
import type { BusIdentity } from '@seatwise/shared/contracts/bus-identities';
import { readBusPassword } from '../config/secrets';
import { readStackFile, type StackFile } from '../config/stack-file';
import { isAlive, readPidFile } from '../process/pid-registry';

export interface StackProcess {
  file: StackFile;
  // Every process the stack started, read from its pid file while it runs.
  pids: number[];
  output(): string;
  // The NATS password of one bus identity (the stack's bus is authorized).
  busPassword(identity: BusIdentity): string;
  // SIGTERM, as Ctrl-C would; resolves with the runner's exit code.
  stop(): Promise<number | null>;
}

// Starts `node packages/stack/dist/cli.js` (what `npm run stack` runs after building) in its own
// stack dir with the given environment, and waits until it has written stack.json.
export async function startStackProcess(
  root: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<StackProcess> {
  const cli = join(root, 'packages', 'stack', 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const lines: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [cli, '--dir', dir, '--fresh'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  const output = (): string => lines.join('').split('\n').slice(-80).join('\n');
  const stackFile = join(dir, 'stack.json');
  try {
    await Promise.race([
      waitFor(() => readStackFile(stackFile), {
        timeoutMs,
        intervalMs: 500,
        description: 'the stack to write stack.json',
      }),
      exited.then((code) => {
        throw new Error(`the stack exited (${code ?? 'signal'}) before it was ready`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- stack output ---\n${output()}`, {
      cause: error,
    });
  }
  const file = readStackFile(stackFile);
  const pids = readPidFile(join(dir, 'pids.json'));
  if (!file || !pids) throw new Error(`stack.json or pids.json unreadable in ${dir}`);
  return {
    file,
    pids: [pids.runner, ...pids.children.map((c) => c.pid)],
    output,
    busPassword: (identity) => readBusPassword(join(dir, 'secrets.json'), identity),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function stillRunning(pids: number[]): number[] {
  return pids.filter((pid) => isAlive(pid) || groupAlive(pid));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
