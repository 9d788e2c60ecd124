import { jetstreamManager } from '@nats-io/jetstream';
import { type BusCredentials, type BusTlsFiles, connectBus } from '@seatwise/shared/bus/connect';
import { inboxPrefix } from '@seatwise/shared/bus/permissions';
import { provisionStreams } from '@seatwise/shared/bus/topology';

export interface ProvisionTarget {
  url: string;
  // The provisioner's credentials: the one identity allowed to create and update streams.
  credentials: BusCredentials;
  prefix: string;
  tls?: BusTlsFiles;
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
    await provisionStreams(jsm, target.prefix);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) names.push(name);
    return names.sort();
  } finally {
    await nc.close();
  }
}
