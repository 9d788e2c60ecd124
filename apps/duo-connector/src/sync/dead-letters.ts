import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';

// Duo records that break our contract are kept, with the reason, on the dead-letter stream.
@Injectable()
export class DeadLetters {
  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async rejectDuoRecords(
    kind: 'authlog' | 'user',
    accountId: string,
    rejected: readonly { raw: unknown; reason: string }[],
  ): Promise<void> {
    for (const { raw, reason } of rejected) {
      await this.bus.publish('deadletter.event', {
        stream: 'DUO_API',
        consumer: 'duo-connector',
        subject: `duo.${kind}.${accountId}`,
        streamSequence: 0,
        reason,
        // JSON.stringify(undefined) is undefined despite its type; keep the letter readable anyway.
        data: raw === undefined ? 'undefined' : JSON.stringify(raw),
        at: this.clock.now().toISOString(),
      });
    }
  }
}
