import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { toRowEvent } from './row-views';
import type { RowDoc } from './row.repository';

// Where a stored row change is announced. Rejects when the bus does not take it, so the change stays in the outbox
// (RowChanges) until it does; JetStream drops a repeat of the same revision (its message id).
export abstract class RowEvents {
  abstract announce(row: RowDoc): Promise<void>;
}

@Injectable()
export class BusRowEvents extends RowEvents {
  constructor(private readonly bus: EventBus) {
    super();
  }

  async announce(row: RowDoc): Promise<void> {
    await this.bus.publish('reconcile.reconciliation.updated', toRowEvent(row));
  }
}
