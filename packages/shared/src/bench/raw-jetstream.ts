import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { eventSubject, streamName } from '../bus/subjects';
import { ensureStreams } from '../bus/topology';
import type { DuoAuthLogEvent } from '../contracts/duo-events';

// A realistic ~1 KB auth-log event; benches publish these so their rates compare.
export function benchAuthLogEvent(i: number): DuoAuthLogEvent {
  return {
    integrationId: 'bench',
    accountId: `DA${i % 10}`,
    fetchedAt: new Date().toISOString(),
    record: {
      txid: `${i}-${randomBytes(8).toString('hex')}`,
      timestamp: 1_751_290_000 + i,
      isotimestamp: new Date((1_751_290_000 + i) * 1000).toISOString(),
      event_type: 'authentication',
      result: i % 9 === 0 ? 'denied' : 'success',
      reason: 'user_approved',
      factor: 'duo_push',
      user: { key: `DU${i % 500}`, name: `user${i % 500}@example.org`, groups: ['Staff'] },
      application: { key: `DI${i % 40}`, name: `App ${i % 40}` },
      access_device: {
        ip: '198.51.100.23',
        browser: 'Firefox',
        os: 'Windows',
        location: { city: 'Lyon', country: 'France', state: 'ARA' },
      },
      auth_device: { ip: '203.0.113.9', name: 'Pixel 8', location: { city: 'Lyon', country: 'France', state: 'ARA' } },
      email: `user${i % 500}@example.org`,
    },
  };
}

// Plain js.publish with msgIDs, `window` awaiting their acks at a time: no validation, no helpers.
export async function publishRaw(
  js: JetStreamClient,
  prefix: string,
  events: readonly DuoAuthLogEvent[],
  window: number,
): Promise<void> {
  for (let i = 0; i < events.length; i += window) {
    await Promise.all(
      events.slice(i, i + window).map((e) =>
        js.publish(eventSubject(prefix, 'duo.authlog', e), JSON.stringify(e), {
          msgID: `${e.accountId}:${e.record.txid}`,
        }),
      ),
    );
  }
}

// Raw JetStream async publish rate (msgs/s) of `count` such events with msgIDs, `window` in flight:
// the baseline the bus and connector benches divide by. Events are generated window by window, so a
// baseline as large as the run it compares with (a million events) fits in memory.
export async function rawPublishRate(
  nc: NatsConnection,
  prefix: string,
  count: number,
  window = 1_000,
): Promise<number> {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, prefix, ['DUO_AUTHLOGS']);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += window) {
    const events = Array.from({ length: Math.min(window, count - i) }, (_, j) => benchAuthLogEvent(i + j));
    await publishRaw(js, prefix, events, window);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await jsm.streams.delete(streamName(prefix, 'DUO_AUTHLOGS'));
  return count / seconds;
}
