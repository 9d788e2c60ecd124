import { Injectable } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { CwCredentials } from './connectwise/cw-http';
import { PsaAdapterFactory } from './psa-adapter.factory';
import type { PsaConnectionDoc } from './psa-connection.repository';

type StoredFields = Pick<PsaConnectionDoc, 'siteUrl' | 'companyId' | 'publicKey' | 'clientId' | 'secret'>;

// Credentials as stored and compared: a site URL without trailing slashes, so one site is one connection.
export function normalizedCredentials(input: CwCredentials): CwCredentials {
  return {
    siteUrl: input.siteUrl.replace(/\/+$/, ''),
    companyId: input.companyId,
    publicKey: input.publicKey,
    privateKey: input.privateKey,
    clientId: input.clientId,
  };
}

// ConnectWise credentials between a request, the PSA and the database: checked against the PSA before they are
// kept, the private key encrypted at rest.
@Injectable()
export class PsaCredentials {
  constructor(
    private readonly adapters: PsaAdapterFactory,
    private readonly cipher: SecretCipher,
  ) {}

  // Resolves when the PSA accepts them; rejects with the PSA's status and message when not.
  verify(credentials: CwCredentials): Promise<void> {
    return this.adapters.connectWise(credentials).verify();
  }

  // The credential fields of a connection document.
  storable(credentials: CwCredentials): StoredFields {
    return {
      siteUrl: credentials.siteUrl,
      companyId: credentials.companyId,
      publicKey: credentials.publicKey,
      clientId: credentials.clientId,
      secret: this.cipher.encrypt(credentials.privateKey),
    };
  }

  // The credentials of a stored ConnectWise connection, its private key decrypted.
  stored(doc: PsaConnectionDoc): CwCredentials {
    if (!doc.secret) {
      throw new AppError('RECONCILE.CONNECTION_INVALID_STATE', `Connection ${doc._id} has no credentials`);
    }
    return {
      siteUrl: doc.siteUrl ?? '',
      companyId: doc.companyId ?? '',
      publicKey: doc.publicKey ?? '',
      privateKey: this.cipher.decrypt(doc.secret),
      clientId: doc.clientId ?? '',
    };
  }
}
