import {
  createInbox,
  headers as natsHeaders,
  type Msg,
  type NatsConnection,
  type Subscription,
} from '@nats-io/transport-node';

export interface JetStreamAck {
  stream: string;
  seq: number;
  duplicate: boolean;
}

interface Pending {
  resolve: (ack: JetStreamAck) => void;
  reject: (error: Error) => void;
  deadline: number;
}

export class JetStreamPublishError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'JetStreamPublishError';
  }
}

// JetStream publish with every ack arriving on one wildcard inbox subscription, like the Go client's
// PublishAsync. nats.js' js.publish() is a request per message: a subscription-mux entry, a timer
// and an Error object (its RequestOne.cancel builds one even on success) each time, which cost the
// connector ~15% of its CPU at 10k msgs/s. Timeouts are swept together instead of one timer each.
export class JetStreamAcks {
  private readonly pending = new Map<number, Pending>();
  private readonly inbox: string;
  private subscription: Subscription | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private nextId = 0;

  constructor(private readonly nc: NatsConnection) {
    // Under the connection's own inbox prefix, the only one its bus identity may subscribe to. The
    // NatsConnection interface does not expose its options; nats.js' own JetStream client reads them
    // the same way.
    const { options } = nc as NatsConnection & { options?: { inboxPrefix?: string } };
    this.inbox = createInbox(options?.inboxPrefix);
  }

  publish(subject: string, data: string | Uint8Array, msgId: string, timeoutMs: number): Promise<JetStreamAck> {
    this.start();
    const id = ++this.nextId;
    const headers = natsHeaders();
    headers.set('Nats-Msg-Id', msgId);
    return new Promise<JetStreamAck>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, deadline: Date.now() + timeoutMs });
      try {
        this.nc.publish(subject, data, { reply: `${this.inbox}.${String(id)}`, headers });
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private start(): void {
    if (this.subscription) return;
    this.subscription = this.nc.subscribe(`${this.inbox}.*`, {
      callback: (error, msg) => {
        if (error) this.failAll(error);
        else this.settle(msg);
      },
    });
    this.sweeper = setInterval(() => {
      this.sweep();
    }, 250);
    this.sweeper.unref();
    void this.nc.closed().then(() => {
      this.stop(new JetStreamPublishError('the NATS connection closed before JetStream acknowledged', null));
    });
  }

  private settle(msg: Msg): void {
    const id = Number(msg.subject.slice(this.inbox.length + 1));
    const waiter = this.pending.get(id);
    if (!waiter) return; // already timed out
    this.pending.delete(id);
    const outcome = parseAck(msg);
    if (outcome instanceof Error) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, waiter] of this.pending) {
      if (waiter.deadline > now) continue;
      this.pending.delete(id);
      waiter.reject(new JetStreamPublishError('timed out waiting for the JetStream ack', null));
    }
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  private stop(error: Error): void {
    this.failAll(error);
    if (this.sweeper) clearInterval(this.sweeper);
    this.subscription?.unsubscribe();
  }
}

function parseAck(msg: Msg): JetStreamAck | JetStreamPublishError {
  // A status message (503: no stream captures the subject) has headers and no JSON body.
  const status = msg.headers?.code ?? 0;
  if (status >= 300 && msg.data.length === 0) {
    return new JetStreamPublishError(
      status === 503 ? 'no JetStream stream captures this subject' : `NATS status ${String(status)}`,
      status,
    );
  }
  let body: unknown;
  try {
    body = msg.json();
  } catch {
    return new JetStreamPublishError('JetStream ack is not JSON', null);
  }
  if (typeof body !== 'object' || body === null) {
    return new JetStreamPublishError('JetStream ack is not an object', null);
  }
  const ack = body as {
    stream?: unknown;
    seq?: unknown;
    duplicate?: unknown;
    error?: { code?: unknown; description?: unknown };
  };
  if (ack.error) {
    const code = typeof ack.error.code === 'number' ? ack.error.code : null;
    const description = typeof ack.error.description === 'string' ? ack.error.description : 'unknown error';
    return new JetStreamPublishError(`JetStream refused the message: ${description}`, code);
  }
  if (typeof ack.stream !== 'string' || ack.stream === '' || typeof ack.seq !== 'number') {
    return new JetStreamPublishError('invalid JetStream ack', null);
  }
  return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate === true };
}
