import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LogOutput } from './log-output';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  // Stopped after every child of a higher tier (apps before simulators before NATS/MongoDB).
  tier: number;
  // Sees every stdout line first; returning true keeps it off the terminal (a simulator's info JSON
  // line carries its credentials and is summarised instead).
  onStdout?: (line: string) => boolean;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const TAIL_LINES = 40;

// One process group: the child is its leader (detached), so stopping it also stops whatever it spawned,
// and Ctrl-C in the terminal reaches only the runner, which then stops children in order.
export class SupervisedChild {
  readonly exited: Promise<ExitStatus>;
  private readonly child: ChildProcess;
  private readonly tailLines: string[] = [];
  private status: ExitStatus | null = null;
  expectedExit = false;

  constructor(
    readonly spec: ChildSpec,
    private readonly output: LogOutput,
  ) {
    this.child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.status = { code, signal };
        resolve(this.status);
      });
      // spawn failures (ENOENT) emit 'error' and no 'exit'.
      this.child.once('error', (error) => {
        this.remember(`failed to start ${spec.command}: ${error.message}`, true);
        this.status = { code: 127, signal: null };
        resolve(this.status);
      });
    });
    this.pipe(this.child.stdout, false);
    this.pipe(this.child.stderr, true);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get name(): string {
    return this.spec.name;
  }

  get running(): boolean {
    return this.status === null && this.child.pid !== undefined;
  }

  get commandLine(): string {
    return [this.spec.command, ...this.spec.args].join(' ');
  }

  tail(): string[] {
    return [...this.tailLines];
  }

  // SIGTERM to the group, SIGKILL after the grace period.
  async stop(graceMs: number): Promise<ExitStatus> {
    this.expectedExit = true;
    if (!this.running) return this.exited;
    this.signal('SIGTERM');
    const timer = setTimeout(() => {
      this.signal('SIGKILL');
    }, graceMs);
    const status = await this.exited;
    clearTimeout(timer);
    // The leader is gone; anything it left in its group goes too.
    this.signal('SIGKILL');
    return status;
  }

  // Synchronous last resort (process 'exit' handler).
  killNow(): void {
    this.expectedExit = true;
    this.signal('SIGKILL');
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  }

  private pipe(stream: NodeJS.ReadableStream | null, isError: boolean): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (!isError && this.spec.onStdout?.(line) === true) return;
      // stderr is not painted red: nats-server and FerretDB log their ordinary lines there.
      this.remember(line, false);
    });
  }

  private remember(line: string, loud: boolean): void {
    this.tailLines.push(line);
    if (this.tailLines.length > TAIL_LINES) this.tailLines.shift();
    this.output.line(this.spec.name, line, loud);
  }
}
