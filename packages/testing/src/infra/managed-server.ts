// A NATS or MongoDB-wire server a test run can use, and (unless it came from the environment)
// stop, kill and start again on the same port with the same data, to test outages.
export interface ManagedServer {
  readonly kind: 'nats' | 'mongo';
  readonly source: 'env' | 'container' | 'local';
  readonly description: string;
  readonly url: string;
  start(): Promise<void>;
  // SIGTERM, state kept for a later start().
  stop(): Promise<void>;
  // SIGKILL, as a crash would.
  kill(): Promise<void>;
  restart(): Promise<void>;
  // Stop for good and delete its data.
  dispose(): Promise<void>;
}

export class ExternalServer implements ManagedServer {
  readonly source = 'env' as const;

  constructor(
    readonly kind: 'nats' | 'mongo',
    readonly url: string,
  ) {}

  get description(): string {
    return `${this.kind} from the environment (${this.url})`;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return this.uncontrollable();
  }

  kill(): Promise<void> {
    return this.uncontrollable();
  }

  restart(): Promise<void> {
    return this.uncontrollable();
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }

  private uncontrollable(): Promise<void> {
    return Promise.reject(
      new Error(`${this.description} cannot be stopped by tests; use startDedicatedNats/startDedicatedMongo`),
    );
  }
}
