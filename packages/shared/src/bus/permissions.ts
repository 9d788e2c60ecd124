import { type BusIdentity, busIdentities } from '../contracts/bus-identities';
import { consumers } from '../contracts/consumers';
import { events } from '../contracts/events';
import { STREAM_KEYS, type StreamKey } from '../contracts/streams';
import { maxDeliveriesSubject } from './max-deliveries';
import { broadcastSubject, eventFilter, rpcSubject, streamName } from './subjects';

export interface BusPermissions {
  publish: string[];
  // Exceptions to `publish` (nats-server checks deny after allow).
  publishDeny: string[];
  subscribe: string[];
  // May answer requests it received (each reply goes once, briefly, to the requester's inbox).
  allowResponses: boolean;
}

// Every identity has an inbox of its own, so none can read the replies meant for another.
export function inboxPrefix(identity: string): string {
  return `_INBOX_${identity}`;
}

// The streams an identity publishes into or consumes from: the ones it checks (and, on an open bus,
// creates) at start-up.
export function streamsOf(identity: BusIdentity): StreamKey[] {
  const grant = busIdentities[identity];
  const keys = new Set<StreamKey>(grant.publishes.map((name) => events[name].stream));
  for (const key of grant.consumes) keys.add(consumers[key].stream);
  return [...keys];
}

// The subjects one identity may use under one deployment prefix.
//
// `prefix: null` is the test harness, where every test file has a prefix of its own: each prefix token
// becomes `*` (stream names too, as they derive from the prefix), and since no provisioner runs per test
// file, each service may also create (never update or delete) the streams it uses, as on an open bus.
// Deployments (the stack, compose) always pass their prefix and provision streams as `provisioner`.
export function busPermissions(identity: BusIdentity, prefix: string | null): BusPermissions {
  const grant = busIdentities[identity];
  const p = prefix ?? '*';
  const stream = (key: StreamKey) => (prefix === null ? '*' : streamName(prefix, key));
  const publish = new Set<string>(['$JS.API.INFO']);
  const subscribe = new Set<string>([`${inboxPrefix(identity)}.>`]);
  for (const name of grant.publishes) publish.add(eventFilter(p, name));
  for (const name of grant.watches) subscribe.add(eventFilter(p, name));
  for (const name of grant.broadcasts) {
    publish.add(broadcastSubject(p, name));
    subscribe.add(broadcastSubject(p, name));
  }
  for (const name of grant.calls) publish.add(rpcSubject(p, name));
  if (grant.serves !== null) subscribe.add(rpcSubject(p, `${grant.serves}.>`));
  for (const key of streamsOf(identity)) {
    publish.add(`$JS.API.STREAM.INFO.${stream(key)}`);
    if (prefix === null) publish.add(`$JS.API.STREAM.CREATE.${stream(key)}`);
  }
  for (const key of grant.consumes) {
    const { stream: streamKey, durable } = consumers[key];
    for (const api of consumerApi(`${stream(streamKey)}.${durable}`)) publish.add(api);
    // A message that ran out of deliveries: the advisory, and reading the message to dead-letter it.
    subscribe.add(maxDeliveriesSubject(stream(streamKey), durable));
    publish.add(`$JS.API.STREAM.MSG.GET.${stream(streamKey)}`);
  }
  if (grant.managesStreams) publish.add('$JS.API.>');
  const publishDeny = grant.readsStreams ? readStreams(publish, stream) : [];
  return { publish: [...publish], publishDeny, subscribe: [...subscribe], allowResponses: grant.serves !== null };
}

// Another system's consumer: any durable (or ephemeral consumer) on any stream, and its acks, but none of
// Seatwise's own durables, which it would otherwise read from, ack or delete. Returns the denials.
function readStreams(publish: Set<string>, stream: (key: StreamKey) => string): string[] {
  publish.add('$JS.API.STREAM.NAMES');
  publish.add('$JS.API.STREAM.LIST');
  const deny: string[] = [];
  for (const key of STREAM_KEYS) {
    publish.add(`$JS.API.STREAM.INFO.${stream(key)}`);
    publish.add(`$JS.API.CONSUMER.CREATE.${stream(key)}`);
    for (const api of consumerApi(`${stream(key)}.*`)) publish.add(api);
  }
  for (const { stream: key, durable } of Object.values(consumers)) {
    deny.push(...consumerApi(`${stream(key)}.${durable}`));
  }
  return deny;
}

// What reading from one durable takes: the JetStream calls on it (nats-server ≥ 2.10 puts the filter subject
// into the create subject; 2.9 clients may use the older DURABLE form), and acks of its messages.
function consumerApi(target: string): string[] {
  return [
    `$JS.API.CONSUMER.INFO.${target}`,
    `$JS.API.CONSUMER.CREATE.${target}`,
    `$JS.API.CONSUMER.CREATE.${target}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${target}`,
    `$JS.API.CONSUMER.DELETE.${target}`,
    `$JS.API.CONSUMER.MSG.NEXT.${target}`,
    `$JS.ACK.${target}.>`,
  ];
}
