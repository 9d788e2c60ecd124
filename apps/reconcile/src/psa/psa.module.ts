import { Module } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { OutboundModule } from '@seatwise/platform/outbound/outbound.module';
import { ConnectionAdapters } from './connection-adapters';
import { PsaAdapterFactory } from './psa-adapter.factory';
import { PsaConnectionRepository } from './psa-connection.repository';
import { PsaConnectionsQuery } from './psa-connections.query';
import { PsaCredentials } from './psa-credentials';
import { PsaDataRepository } from './psa-data.repository';
import { PsaSecretsAtStart } from './psa-secrets-at-start';
import { TicketPorts } from './ticket-ports';

// PSA connections, the records synced from them, and the adapters that call a PSA.
const EXPORTED = [
  PsaConnectionRepository,
  PsaDataRepository,
  PsaCredentials,
  ConnectionAdapters,
  PsaConnectionsQuery,
  TicketPorts,
];

@Module({
  imports: [OutboundModule],
  providers: [SecretCipher, PsaAdapterFactory, PsaSecretsAtStart, ...EXPORTED],
  exports: EXPORTED,
})
export class PsaModule {}
