import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Runs a built entry point with exactly the given environment (plus PATH), to see how it starts or fails.
export function runNode(entry: string, env: Record<string, string>, timeoutMs = 20_000): Promise<NodeRun> {
  if (!existsSync(entry)) return Promise.reject(new Error(`${entry} does not exist: run \`npm run build\` first`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not exit within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface NodeProcess {
  pid: number;
  // Resolves with the exit code (null when killed by a signal) and the signal.
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

// Starts a built entry point as a long-running process with exactly the given environment.
export function startNode(entry: string, env: Record<string, string>): NodeProcess {
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  // A test that fails half-way must not leave the process running.
  const reap = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', reap);
  void exited.then(() => process.removeListener('exit', reap));
  return { pid: child.pid ?? -1, exited, output: () => output, kill: (signal) => child.kill(signal) };
}
