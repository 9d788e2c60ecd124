import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MetricsModule } from '../metrics/metrics.module';
import { EventHub } from './event-hub';
import { EventStreams } from './event-streams';
import { EventsController } from './events.controller';

// Live events for browsers: one NATS subscription per event type, fanned out to SSE clients, each stream capped
// per key and closed when its credentials end.
@Module({ imports: [AuthModule, MetricsModule], providers: [EventHub, EventStreams], controllers: [EventsController] })
export class EventsModule {}
