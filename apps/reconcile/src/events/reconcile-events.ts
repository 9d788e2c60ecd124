import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { LOGGER } from '@seatwise/platform/tokens';
import type { EventName, EventPayload } from '@seatwise/shared/contracts/events';
import type { Logger } from '@seatwise/shared/logging/logger';

// Announces state that is already stored. A failed publish is logged, not thrown: the change itself stands, and
// the next change of the same record publishes its newer revision (consumers keep the highest revision).
@Injectable()
export class ReconcileEvents {
  constructor(
    private readonly bus: EventBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void> {
    try {
      await this.bus.publish(name, payload);
    } catch (error) {
      this.logger.warn({ err: error, event: name }, 'publishing a reconcile event failed');
    }
  }
}
