import type { StartedApp } from '../services/start-apps';
import type { FaultStack } from './fault-stack';

export interface FaultPlan {
  // A random service replica is killed (SIGKILL) this often, and started again at once.
  killEveryMs: number;
  // When (from the start of the schedule) one NATS node is stopped, and for how long.
  natsRestartAtMs: number;
  natsDownMs: number;
  // When the database is stopped, and for how long.
  databaseStopAtMs: number;
  databaseDownMs: number;
}

// The faults of a fault run, injected on a fixed schedule while the product works (the only fixed delays of the run:
// the schedule itself). A replica is picked only while every replica of its service is up, so each service always
// has one replica running and a kill is never of a replica still starting. Resolves stop() once every fault has been
// undone: the killed replicas ready again, the NATS node and the database running.
export class FaultSchedule {
  readonly events: string[] = [];
  private kills = 0;
  private natsRestarts = 0;
  private databaseStops = 0;
  private stopped = false;
  private readonly restarting = new Set<StartedApp>();
  private readonly inFlight: Promise<void>[] = [];
  private readonly failures: Error[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly startedAt = Date.now();
  private wake: () => void = () => undefined;

  constructor(
    private readonly stack: FaultStack,
    private readonly plan: FaultPlan,
    private readonly random: () => number = Math.random,
  ) {}

  get injected(): number {
    return this.kills + this.natsRestarts + this.databaseStops;
  }

  // Both one-off faults (the NATS node, the database) have been injected and undone.
  get oneOffsDone(): boolean {
    return this.natsRestarts === 1 && this.databaseStops === 1;
  }

  summary(): { kills: number; natsRestarts: number; databaseStops: number } {
    return { kills: this.kills, natsRestarts: this.natsRestarts, databaseStops: this.databaseStops };
  }

  start(): void {
    this.pending.push(
      ...[this.killLoop(), this.natsRestart(), this.databaseStop()].map((p) =>
        p.catch((error: unknown) => {
          this.failures.push(error instanceof Error ? error : new Error(String(error)));
        }),
      ),
    );
  }

  // Ends the kills and waits until every fault in flight has been undone.
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.pending);
    await Promise.all(this.inFlight);
    const [failure] = this.failures;
    if (failure !== undefined) throw failure;
  }

  private note(line: string): void {
    const at = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    this.events.push(`+${at}s ${line}`);
    this.stack.output.line('faults', line);
  }

  // Sleeps ms, or less when stop() is called (the kill loop ends at once then).
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async killLoop(): Promise<void> {
    for (;;) {
      await this.sleep(this.plan.killEveryMs);
      if (this.stopped) return;
      const victim = this.pickVictim();
      if (victim === null) continue;
      this.kills += 1;
      this.restarting.add(victim);
      this.note(`kill -9 ${victim.process.spec.name} (pid ${victim.child.pid ?? '?'})`);
      this.inFlight.push(this.killAndRestart(victim));
    }
  }

  // A replica that does not come back is the run's failure (stop() throws it), not an unhandled rejection.
  private async killAndRestart(victim: StartedApp): Promise<void> {
    try {
      await this.stack.killReplica(victim);
      await this.stack.restartReplica(victim);
      this.note(`${victim.process.spec.name} is ready again`);
      this.restarting.delete(victim);
    } catch (error) {
      this.failures.push(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private pickVictim(): StartedApp | null {
    const down = new Set([...this.restarting].map((app) => app.process.app.name));
    const candidates = this.stack.apps.filter((app) => !down.has(app.process.app.name));
    if (candidates.length === 0) return null;
    return candidates[Math.floor(this.random() * candidates.length)] ?? null;
  }

  private async natsRestart(): Promise<void> {
    await delay(this.plan.natsRestartAtMs);
    const k = Math.floor(this.random() * this.stack.natsNodes);
    this.note(`stopping NATS node ${k + 1}`);
    await this.stack.stopNatsNode(k);
    await delay(this.plan.natsDownMs);
    await this.stack.startNatsNode(k);
    this.natsRestarts += 1;
    this.note(`NATS node ${k + 1} is back`);
  }

  private async databaseStop(): Promise<void> {
    await delay(this.plan.databaseStopAtMs);
    this.note('stopping the database');
    await this.stack.stopDatabase();
    await delay(this.plan.databaseDownMs);
    await this.stack.startDatabase();
    this.databaseStops += 1;
    this.note(`the database is back after ${this.plan.databaseDownMs / 1000}s`);
  }
}

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
