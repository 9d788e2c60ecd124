import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManagedServer } from './managed-server';
import { waitForPort } from './tcp';

export interface LocalProcessSpec {
  kind: 'nats' | 'mongo';
  description: string;
  binary: string;
  args: (port: number, dataDir: string) => string[];
  url: (port: number) => string;
  port: number;
}

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class LocalProcessServer implements ManagedServer {
  readonly source = 'local' as const;
  readonly dataDir: string;
  private child: ChildProcess | null = null;

  constructor(private readonly spec: LocalProcessSpec) {
    this.dataDir = mkdtempSync(join(tmpdir(), `seatwise-${spec.kind}-`));
  }

  get kind(): 'nats' | 'mongo' {
    return this.spec.kind;
  }

  get description(): string {
    return `${this.spec.description} (local process on port ${this.spec.port})`;
  }

  get url(): string {
    return this.spec.url(this.spec.port);
  }

  async start(): Promise<void> {
    if (this.child) return;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(this.spec.binary, this.spec.args(this.spec.port, this.dataDir), { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    running.add(child);
    this.child = child;
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code) => { reject(new Error(`${this.description} exited with ${code}:\n${this.logTail()}`)); });
    });
    exited.catch(() => undefined);
    child.once('exit', () => {
      running.delete(child);
      if (this.child === child) this.child = null;
    });
    await Promise.race([waitForPort('127.0.0.1', this.spec.port, this.description), exited]);
  }

  stop(): Promise<void> {
    return this.terminate('SIGTERM');
  }

  kill(): Promise<void> {
    return this.terminate('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private get logFile(): string {
    return join(this.dataDir, 'server.log');
  }

  private logTail(): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private async terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
    child.kill(signal);
    const escalate = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(escalate);
  }
}
