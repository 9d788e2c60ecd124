import { authLogEvent } from './__fixtures__/events';
import { consumerFilter } from './topology';
import { BROADCAST_NAMES } from '../contracts/broadcasts';
import { consumers } from '../contracts/consumers';
import { EVENT_NAMES, eventDefinition, events } from '../contracts/events';
import { streams } from '../contracts/streams';

// NATS subject match for the patterns we use: '*' one token, trailing '>' the rest.
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

describe('event registry', () => {
  it.each(EVENT_NAMES)('%s lands in exactly its own stream', (name) => {
    const subject = `${name}.X`;
    const holders = Object.entries(streams).filter(([, s]) => s.subjects.some((p) => matches(p, subject)));
    expect(holders.map(([key]) => key)).toEqual([events[name].stream]);
  });

  // A stream covering one would store every message and answer each with a PubAck nobody reads.
  it.each(BROADCAST_NAMES)('%s (core NATS among replicas) falls in no stream', (name) => {
    expect(Object.values(streams).filter((s) => s.subjects.some((p) => matches(p, name)))).toEqual([]);
  });

  it('derives msgIDs from record identity, not from when it was fetched', () => {
    const def = eventDefinition('duo.authlog');
    const a = authLogEvent('DA1', 'tx-1');
    expect(def.msgId({ ...a, fetchedAt: '2030-01-01T00:00:00.000Z' })).toBe(def.msgId(a));
    expect(def.msgId(authLogEvent('DA2', 'tx-1'))).not.toBe(def.msgId(a));
  });

  it('filters consumers with one subject or none (NATS 2.9 compatible)', () => {
    expect(consumerFilter('p', consumers.discoveryAuthLogs)).toBeUndefined();
    expect(consumerFilter('p', consumers.discoveryUsers)).toBeUndefined();
    expect(consumerFilter('p', { ...consumers.discoveryUsers, events: ['duo.users.record'] })).toBe(
      'p.duo.users.record.*',
    );
    expect(() => consumerFilter('p', { ...consumers.discoveryAuthLogs, events: ['duo.users.record'] })).toThrow(
      /not in stream/,
    );
  });
});
