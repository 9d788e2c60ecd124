import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { ChannelHealthRepository } from './channel-health.repository';
import { ChannelLinkModule } from './channel-link.module';
import { DeliveriesQuery } from './deliveries.query';
import { Digests } from './digests';
import { Dispatcher } from './dispatcher';
import { NotificationBuilder } from './notification-builder';
import { OutboxModule } from './outbox.module';

// Sends the outbox through the channels' senders; the delivery log.
@Module({
  imports: [OutboxModule, AlertsModule, ChannelLinkModule],
  providers: [ChannelHealthRepository, Digests, NotificationBuilder, Dispatcher, DeliveriesQuery],
  exports: [Dispatcher, DeliveriesQuery],
})
export class DispatchModule {}
