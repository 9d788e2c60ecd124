import type { LogOutput } from './log-output';
import type { PidRegistry } from './pid-registry';
import { type ChildSpec, type ExitStatus, SupervisedChild } from './supervised-child';

export class ChildExitedError extends Error {
  constructor(
    readonly child: SupervisedChild,
    readonly status: ExitStatus,
  ) {
    super(
      `${child.name} exited unexpectedly (${describeExit(status)}); its last lines:\n${child
        .tail()
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  }
}

export function describeExit(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `code ${status.code ?? 'unknown'}`;
}

const GRACE_MS = 15_000;

// Starts the stack's processes and stops them all, in tiers, whatever happens to the runner.
export class Supervisor {
  private readonly children: SupervisedChild[] = [];
  private readonly exitListeners: ((error: ChildExitedError) => void)[] = [];
  private stopping = false;

  constructor(
    private readonly output: LogOutput,
    private readonly registry: PidRegistry,
  ) {
    // Last resort when the runner exits without stopping (an uncaught error): no orphan may survive it.
    process.once('exit', () => {
      for (const child of this.children) if (child.running) child.killNow();
    });
  }

  start(spec: ChildSpec): SupervisedChild {
    if (this.stopping) throw new Error(`the stack is stopping; not starting ${spec.name}`);
    const child = new SupervisedChild(spec, this.output);
    this.children.push(child);
    const pid = child.pid;
    if (pid !== undefined) this.registry.add({ name: spec.name, pid, command: child.commandLine });
    void child.exited.then((status) => {
      if (pid !== undefined) this.registry.remove(pid);
      if (child.expectedExit || this.stopping) return;
      const error = new ChildExitedError(child, status);
      for (const listener of this.exitListeners) listener(error);
    });
    return child;
  }

  // Any child that exits without being asked to is fatal for the stack.
  onUnexpectedExit(listener: (error: ChildExitedError) => void): void {
    this.exitListeners.push(listener);
  }

  // Rejects as soon as any child exits unexpectedly, so a start-up wait can race against it.
  firstUnexpectedExit(): Promise<never> {
    return new Promise((_, reject) => {
      this.onUnexpectedExit(reject);
    });
  }

  async stopAll(graceMs = GRACE_MS): Promise<void> {
    this.stopping = true;
    const tiers = [...new Set(this.children.map((c) => c.spec.tier))].sort((a, b) => b - a);
    for (const tier of tiers) {
      const group = this.children.filter((c) => c.spec.tier === tier && c.running);
      if (group.length === 0) continue;
      this.output.line('stack', `stopping ${group.map((c) => c.name).join(', ')}`);
      await Promise.all(group.map((c) => c.stop(graceMs)));
    }
    for (const child of this.children) await child.stop(graceMs);
    this.registry.clear();
  }

  // A second Ctrl-C: no grace for anyone.
  killAll(): void {
    for (const child of this.children) if (child.running) child.killNow();
  }

  pids(): number[] {
    return this.children.flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
  }
}

// A one-shot helper process (e.g. building FerretDB): its output is prefixed like the others and a
// Ctrl-C meanwhile stops it with the rest.
export async function runToCompletion(
  supervisor: Supervisor,
  spec: ChildSpec,
): Promise<{ status: ExitStatus; tail: string[] }> {
  const child = supervisor.start({ ...spec });
  child.expectedExit = true;
  const status = await child.exited;
  return { status, tail: child.tail() };
}
