import { Module } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { SECRET_STORE, SecretsAtStart } from '@seatwise/platform/crypto/secrets-at-start';
import { OutboundModule } from '@seatwise/platform/outbound/outbound.module';
import { ConnectionAdapters } from './connection-adapters';
import { PsaAdapterFactory } from './psa-adapter.factory';
import { PsaConnectionRepository } from './psa-connection.repository';
import { PsaConnectionsQuery } from './psa-connections.query';
import { PsaCredentials } from './psa-credentials';
import { PsaDataRepository } from './psa-data.repository';
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

// A connection whose secret cannot be read fails its own syncs and pushes (SECRETS.KEY_MISSING).
const SECRETS_AT_START = [{ provide: SECRET_STORE, useExisting: PsaConnectionRepository }, SecretsAtStart];

@Module({
  imports: [OutboundModule],
  providers: [SecretCipher, PsaAdapterFactory, ...SECRETS_AT_START, ...EXPORTED],
  exports: EXPORTED,
})
export class PsaModule {}
