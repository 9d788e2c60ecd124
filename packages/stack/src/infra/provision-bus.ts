import { jetstreamManager } from '@nats-io/jetstream';
import { type BusCredentials, type BusTlsFiles, connectBus } from '@seatwise/shared/bus/connect';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { provisionStreams } from '@seatwise/shared/bus/topology';
import { waitUntil, WaitTimeoutError } from '@seatwise/infra/wait';

export interface ProvisionTarget {
  url: string;
  // The provisioner's credentials: the one identity allowed to create and update streams.
  credentials: BusCredentials;
  prefix: string;
  tls?: BusTlsFiles;
  // Each stream's copies on a JetStream cluster (its node count, up to 5); absent on a single server.
  replicas?: number;
}

// Creates the streams, or brings their configuration up to date; the services only check that theirs exist.
// `npm run stack` runs it at every start, compose's one-shot bus-setup before the services. Returns the streams.
export async function provisionBus(target: ProvisionTarget): Promise<string[]> {
  const nc = await connectBus({
    url: target.url,
    name: 'bus-provisioner',
    credentials: target.credentials,
    inboxPrefix: inboxPrefix(target.credentials.user),
    ...(target.tls === undefined ? {} : { tls: target.tls }),
  });
  try {
    const jsm = await jetstreamManager(nc);
    await provisionStreams(
      jsm,
      target.prefix,
      undefined,
      target.replicas === undefined ? {} : { replicas: target.replicas },
    );
    const names: string[] = [];
    for await (const name of jsm.streams.names()) names.push(name);
    return names.sort();
  } finally {
    await nc.close();
  }
}

// A JetStream cluster answers its API only once its nodes have found each other and elected a meta leader, and
// places an R3 stream only once three nodes are known: until then provisioning fails, and is tried again until it
// succeeds or the deadline passes (naming the last failure).
export async function provisionBusWhenReady(
  target: ProvisionTarget,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<string[]> {
  // An object, not a variable: the probe sets it from inside a closure.
  const result: { streams: string[] } = { streams: [] };
  let last: unknown = null;
  try {
    await waitUntil(
      async () => {
        try {
          result.streams = await provisionBus(target);
          return true;
        } catch (error) {
          last = error;
          return false;
        }
      },
      {
        timeoutMs: options.timeoutMs,
        intervalMs: 500,
        what: `the JetStream cluster at ${target.url} to accept its streams`,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
    );
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const why = last instanceof Error ? last.message : String(last);
    throw new WaitTimeoutError(`${error.message} (last error: ${why})`);
  }
  return result.streams;
}
