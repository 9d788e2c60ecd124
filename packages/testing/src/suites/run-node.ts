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
    const child = spawn(process.execPath, [entry], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
