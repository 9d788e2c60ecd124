import { Module } from '@nestjs/common';
import { CHANNEL_SENDERS, type ChannelSenders } from '../channels/channel-senders';
import { ChannelsModule } from '../channels/channels.module';
import { SenderSet } from './sender-set';

// The channels feature as the rules and the dispatcher use it: which channels exist, how to load one, and the
// sender of each kind.
@Module({
  imports: [ChannelsModule],
  providers: [
    {
      provide: SenderSet,
      useFactory: (senders: ChannelSenders) => new SenderSet(senders),
      inject: [CHANNEL_SENDERS],
    },
  ],
  exports: [SenderSet, ChannelsModule],
})
export class ChannelLinkModule {}
