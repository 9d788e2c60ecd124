import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManagedServer } from './managed-server';

export interface ContainerSpec {
  kind: 'nats' | 'mongo';
  image: string;
  command: string[];
  containerPort: number;
  hostPort: number;
  dataPath: string;
  url: (port: number) => string;
  // Files written into the container before it starts (a server's configuration).
  files?: { content: string; target: string }[];
}

// testcontainers is loaded lazily: a machine without Docker never pays for (or trips over) it.
type StartedContainer = { stop(options?: { timeout?: number }): Promise<unknown> };

// A restart is a new container on the same host port with the same bind-mounted data directory,
// which is what a restarted server looks like to clients.
export class ContainerServer implements ManagedServer {
  readonly source = 'container' as const;
  private readonly dataDir: string;
  private container: StartedContainer | null = null;

  constructor(private readonly spec: ContainerSpec) {
    this.dataDir = mkdtempSync(join(tmpdir(), `seatwise-${spec.kind}-ct-`));
  }

  get kind(): 'nats' | 'mongo' {
    return this.spec.kind;
  }

  get description(): string {
    return `${this.spec.image} (container on port ${this.spec.hostPort})`;
  }

  get url(): string {
    return this.spec.url(this.spec.hostPort);
  }

  async start(): Promise<void> {
    if (this.container) return;
    const { GenericContainer, Wait } = await import('testcontainers');
    this.container = await new GenericContainer(this.spec.image)
      .withCommand(this.spec.command)
      .withExposedPorts({ container: this.spec.containerPort, host: this.spec.hostPort })
      .withBindMounts([{ source: this.dataDir, target: this.spec.dataPath, mode: 'rw' }])
      .withCopyContentToContainer(this.spec.files ?? [])
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
  }

  async stop(): Promise<void> {
    await this.container?.stop({ timeout: 10 });
    this.container = null;
  }

  async kill(): Promise<void> {
    await this.container?.stop({ timeout: 0 });
    this.container = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
