import { Module } from '@nestjs/common';
import { DeliveryRepository } from './delivery.repository';
import { DispatchSignal } from './dispatch-signal';
import { Outbox } from './outbox';

// Where alert transitions write their notifications (and the delivery log reads them).
@Module({
  providers: [DeliveryRepository, DispatchSignal, Outbox],
  exports: [DeliveryRepository, DispatchSignal, Outbox],
})
export class OutboxModule {}
