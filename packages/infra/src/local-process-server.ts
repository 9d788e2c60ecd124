import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalServer } from './local-servers';
import { waitForPort } from './tcp';

const running = new Set<ChildProcess>();
// A crashed or interrupted run must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const STOP_GRACE_MS = 10_000;

// One local server process on a fixed port with its own temporary data directory and log file. It can be
// stopped, killed and started again on the same port with the same data, which is what tests of outages need.
export class LocalProcessServer {
  // The test harness tells servers apart by where they came from (environment, container or local process).
  readonly source = 'local' as const;
  readonly dataDir: string;
  private child: ChildProcess | null = null;

  constructor(
    private readonly server: LocalServer,
    private readonly port: number,
  ) {
    this.dataDir = mkdtempSync(join(tmpdir(), `seatwise-${server.kind}-`));
  }

  get kind(): 'nats' | 'mongo' {
    return this.server.kind;
  }

  get description(): string {
    return `${this.server.description} (local process on port ${this.port})`;
  }

  get url(): string {
    return this.server.url(this.port);
  }

  // Resolves once the server accepts connections; rejects with its log's tail if it exits first.
  async start(): Promise<void> {
    if (this.child) return;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(this.server.binary, this.server.args(this.port, this.dataDir), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Both streams feed one log, so neither may end it; the 'close' handler below does.
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    running.add(child);
    this.child = child;
    const forget = (): void => {
      running.delete(child);
      if (this.child === child) this.child = null;
    };
    // The wait for the port ends with the process, so a failed start leaves no polling behind.
    const ended = new AbortController();
    const exited = new Promise<never>((_, reject) => {
      // 'close' comes once the output has ended, and end()'s callback once the log holds it all.
      child.once('close', (code) => {
        log.end(() => {
          reject(new Error(`${this.description} exited with ${code}:\n${this.logTail()}`));
          ended.abort();
        });
      });
      // A binary that cannot be run at all (removed meanwhile, wrong architecture) emits 'error', maybe no 'exit'.
      child.once('error', (error) => {
        forget();
        reject(new Error(`${this.description} did not start: ${error.message}`));
        ended.abort();
      });
    });
    // Only a rejection during start-up matters; a later exit is seen by stop() or by the clients.
    exited.catch(() => undefined);
    child.once('exit', forget);
    const listening = waitForPort('127.0.0.1', this.port, { what: this.description, signal: ended.signal });
    await Promise.race([listening, exited]);
  }

  // SIGTERM; the data is kept for a later start().
  stop(): Promise<void> {
    return this.terminate('SIGTERM');
  }

  // SIGKILL, as a crash would.
  kill(): Promise<void> {
    return this.terminate('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  // Stops for good and deletes the data.
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
    const gone = new Promise<void>((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    child.kill(signal);
    const escalate = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await gone;
    clearTimeout(escalate);
  }
}
