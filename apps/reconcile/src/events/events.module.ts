import { Module } from '@nestjs/common';
import { ReconcileEvents } from './reconcile-events';

@Module({ providers: [ReconcileEvents], exports: [ReconcileEvents] })
export class EventsModule {}
