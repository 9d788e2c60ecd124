import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/alerts-env';
import { DeliveryRepository, type DeliveryDoc } from './delivery.repository';

const DAY_MS = 24 * 60 * 60_000;

// The latest digest time (ALERTS_DIGEST_AT_UTC, every day) at or before `now`.
export function lastDigestTime(now: Date, atUtc: string): Date {
  const [hours, minutes] = atUtc.split(':').map(Number) as [number, number];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes);
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

// The daily digest: the entries waiting for it (rules delivered by digest, throttled notifications) become one
// notification per channel, written to the outbox like any other. Its id names the channel and the day, so it is
// written once however often this runs; its entries are then marked as carried by it.
@Injectable()
export class Digests {
  constructor(
    private readonly deliveries: DeliveryRepository,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  async makeDue(now: Date): Promise<number> {
    const cutoff = lastDigestTime(now, this.env.ALERTS_DIGEST_AT_UTC);
    const waiting = await this.deliveries.awaitingDigest(cutoff);
    const byChannel = new Map<string, DeliveryDoc[]>();
    for (const entry of waiting) byChannel.set(entry.channelId, [...(byChannel.get(entry.channelId) ?? []), entry]);
    let made = 0;
    for (const [channelId, entries] of byChannel) {
      const digest = digestOf(channelId, entries, cutoff, now);
      made += await this.deliveries.insertNew([digest]);
      const written = (await this.deliveries.findById(digest._id)) ?? digest;
      await this.deliveries.markDigested(written.entryIds, written._id);
    }
    return made;
  }
}

function digestOf(channelId: string, entries: readonly DeliveryDoc[], cutoff: Date, now: Date): DeliveryDoc {
  return {
    _id: `digest.${channelId}.${cutoff.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`,
    channelId,
    kind: 'digest',
    alertIds: [...new Set(entries.flatMap((entry) => entry.alertIds))],
    ruleId: null,
    mode: 'immediate',
    state: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: now,
    deliveredAt: null,
    digestId: null,
    entryIds: entries.map((entry) => entry._id),
    createdAt: now,
  };
}
