import { Module } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { SECRET_STORE, StoredSecrets } from '@seatwise/platform/crypto/stored-secrets';
import { HostResolver, SystemHostResolver } from '@seatwise/platform/outbound/host-resolver';
import { OUTBOUND_CONFIG, OutboundPolicy, type OutboundConfig } from '@seatwise/platform/outbound/outbound-policy';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/alerts-env';
import { ChannelDirectory } from './channel-directory';
import { ChannelRepository } from './channel.repository';
import { ChannelSettings } from './channel-settings';
import { CHANNEL_SENDERS, channelSendersProvider } from './channel-senders';
import { ChannelsMessageController } from './channels.message-controller';
import { ChannelsService } from './channels.service';
import { EmailSender } from './email/email.sender';
import { SmtpTransport } from './email/smtp-transport';
import { StoredChannelDirectory } from './stored-channel-directory';
import { ReconcileTickets } from './ticket/reconcile-tickets';
import { TicketSender } from './ticket/ticket.sender';
import { WebhookHttp } from './webhook/webhook-http';
import { WebhookSender } from './webhook/webhook.sender';

// Alert channels: their CRUD and "send test" over RPC, and what the dispatcher delivers through (CHANNEL_SENDERS,
// one sender per kind) and asks about channels (ChannelDirectory).
@Module({
  controllers: [ChannelsMessageController],
  providers: [
    SecretCipher,
    {
      provide: OUTBOUND_CONFIG,
      useFactory: (env: Env): OutboundConfig => ({
        allowedEndpoints: env.SEATWISE_OUTBOUND_ALLOW,
        psaHosts: env.SEATWISE_OUTBOUND_PSA_HOSTS,
      }),
      inject: [APP_ENV],
    },
    { provide: HostResolver, useClass: SystemHostResolver },
    OutboundPolicy,
    ChannelRepository,
    // A webhook channel whose secret cannot be read fails its own deliveries (SECRETS.KEY_MISSING).
    { provide: SECRET_STORE, useExisting: ChannelRepository },
    StoredSecrets,
    ChannelSettings,
    ChannelsService,
    WebhookHttp,
    WebhookSender,
    SmtpTransport,
    EmailSender,
    ReconcileTickets,
    TicketSender,
    channelSendersProvider,
    StoredChannelDirectory,
    { provide: ChannelDirectory, useExisting: StoredChannelDirectory },
  ],
  exports: [CHANNEL_SENDERS, ChannelDirectory, ChannelsService],
})
export class ChannelsModule {}
