import { Injectable } from '@nestjs/common';
import type { RuleDoc } from '../rule-store/rule.repository';
import { DeliveryRepository, type DeliveryDoc } from './delivery.repository';
import { DispatchSignal } from './dispatch-signal';

const MINUTE_MS = 60_000;

export const deliveryId = (alertId: string, transition: 'opened' | 'resolved', channelId: string): string =>
  `${alertId}.${transition}.${channelId}`;

// Writes the notifications of one alert transition, one per channel of its rule, with ids that make a second
// write of the same transition a no-op. A rule delivered by digest, or throttled past its budget, waits for the
// next digest instead of going out at once.
@Injectable()
export class Outbox {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly signal: DispatchSignal,
  ) {}

  async enqueue(rule: RuleDoc, alertId: string, transition: 'opened' | 'resolved', now: Date): Promise<number> {
    const docs: DeliveryDoc[] = [];
    for (const channelId of rule.channelIds) {
      const mode = await this.modeFor(rule, channelId, now);
      docs.push({
        _id: deliveryId(alertId, transition, channelId),
        channelId,
        kind: transition,
        alertIds: [alertId],
        ruleId: rule._id,
        mode,
        state: 'pending',
        attempts: 0,
        lastError: null,
        nextAttemptAt: mode === 'immediate' ? now : null,
        deliveredAt: null,
        digestId: null,
        entryIds: [],
        createdAt: now,
      });
    }
    const written = await this.deliveries.insertNew(docs);
    if (written > 0) this.signal.notify();
    return written;
  }

  private async modeFor(rule: RuleDoc, channelId: string, now: Date): Promise<DeliveryDoc['mode']> {
    if (rule.delivery === 'digest') return 'digest';
    if (rule.throttleMinutes === null) return 'immediate';
    const since = new Date(now.getTime() - rule.throttleMinutes * MINUTE_MS);
    const recent = await this.deliveries.immediateSince(rule._id, channelId, since);
    return recent > 0 ? 'digest' : 'immediate';
  }
}
