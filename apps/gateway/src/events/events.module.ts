import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { EventHub } from './event-hub';
import { EventsController } from './events.controller';

// Live events for browsers: one NATS subscription per event type, fanned out to SSE clients.
@Module({ imports: [MetricsModule], providers: [EventHub], controllers: [EventsController] })
export class EventsModule {}
