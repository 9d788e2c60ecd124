import { Module } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { SECRET_STORE, StoredSecrets } from '@seatwise/platform/crypto/stored-secrets';
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
const STORED_SECRETS = [{ provide: SECRET_STORE, useExisting: PsaConnectionRepository }, StoredSecrets];

@Module({
  imports: [OutboundModule],
  providers: [SecretCipher, PsaAdapterFactory, ...STORED_SECRETS, ...EXPORTED],
  exports: [...EXPORTED, StoredSecrets],
})
export class PsaModule {}
