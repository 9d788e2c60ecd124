import type { BroadcastName } from '../contracts/broadcasts';
import { eventDefinition, type EventName, type EventPayload } from '../contracts/events';
import type { StreamKey } from '../contracts/streams';

// A subject token may not contain '.', '*', '>' or whitespace; ids are validated upstream, this is the
// last guard so a bad id can never widen a subscription.
export function subjectToken(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

export function eventSubject<N extends EventName>(prefix: string, name: N, payload: EventPayload<N>): string {
  return `${prefix}.${name}.${subjectToken(eventDefinition(name).token(payload))}`;
}

// All subjects of one event, or of one event for one token (e.g. one account).
export function eventFilter(prefix: string, name: EventName, token?: string): string {
  return `${prefix}.${name}.${token === undefined ? '*' : subjectToken(token)}`;
}

export function prefixedSubject(prefix: string, subject: string): string {
  return `${prefix}.${subject}`;
}

// Core-NATS messages among one service's replicas (contracts/broadcasts.ts); outside every stream.
export function broadcastSubject(prefix: string, name: BroadcastName): string {
  return `${prefix}.${name}`;
}

// Request-reply lives under its own `rpc` token so it can never fall inside a stream's subjects
// (stream DISCOVERY captures `<prefix>.discovery.>` and would answer a request with a PubAck).
export function rpcSubject(prefix: string, pattern: string): string {
  return `${prefix}.rpc.${pattern}`;
}

export function streamName(prefix: string, key: StreamKey): string {
  return `${prefix.toUpperCase().replace(/-/g, '_')}_${key}`;
}

// Maps a received subject back to its event name (longest stem wins: names may nest).
export function eventNameOfSubject<N extends EventName>(
  prefix: string,
  subject: string,
  candidates: readonly N[],
): N | null {
  const stem = subject.startsWith(`${prefix}.`) ? subject.slice(prefix.length + 1) : null;
  if (stem === null) return null;
  let best: N | null = null;
  for (const name of candidates) {
    if (stem.startsWith(`${name}.`) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}
