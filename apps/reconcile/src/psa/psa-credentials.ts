import { Injectable } from '@nestjs/common';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import type { PsaConnectionInput, psaConnectionChangeSchema } from '@seatwise/shared/contracts/reconcile-rpcs';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { z } from 'zod';
import type { AutotaskCredentials } from './autotask/autotask-adapter-factory';
import type { CwCredentials } from './connectwise/cw-http';
import type { HaloCredentials } from './halopsa/halo-adapter-factory';
import type { PsaAdapter } from './psa-adapter';
import { PsaAdapterFactory } from './psa-adapter.factory';
import { connectionSecretOwner, type PsaConnectionDoc } from './psa-connection.repository';

// A PSA's credentials, whatever the PSA.
export type AnyCredentials =
  | ({ kind: 'connectwise' } & CwCredentials)
  | ({ kind: 'autotask' } & AutotaskCredentials)
  | ({ kind: 'halopsa' } & HaloCredentials);

type StoredFields = Pick<
  PsaConnectionDoc,
  'kind' | 'siteUrl' | 'companyId' | 'publicKey' | 'clientId' | 'settings' | 'secret'
>;
type Change = Omit<z.infer<typeof psaConnectionChangeSchema>, 'name' | 'note'>;

const trimmed = (url: string): string => url.replace(/\/+$/, '');

// Credentials as stored and compared: URLs without trailing slashes, so one PSA account is one connection.
export function credentialsOf(input: PsaConnectionInput): AnyCredentials {
  switch (input.kind) {
    case 'connectwise': {
      const { siteUrl, companyId, publicKey, privateKey, clientId } = input;
      return { kind: 'connectwise', siteUrl: trimmed(siteUrl), companyId, publicKey, privateKey, clientId };
    }
    case 'autotask': {
      const { zoneDiscoveryUrl, userName, secret, integrationCode } = input;
      return { kind: 'autotask', zoneDiscoveryUrl: trimmed(zoneDiscoveryUrl), userName, secret, integrationCode };
    }
    case 'halopsa': {
      const { resourceUrl, authUrl, tenant, clientId, clientSecret } = input;
      const resource = trimmed(resourceUrl);
      const auth = trimmed(authUrl ?? defaultAuthUrl(resource));
      return { kind: 'halopsa', resourceUrl: resource, authUrl: auth, tenant: tenant ?? null, clientId, clientSecret };
    }
  }
}

// Halo serves its API at {instance}/api and its authorisation server at {instance}/auth.
function defaultAuthUrl(resourceUrl: string): string {
  return /\/api$/i.test(resourceUrl) ? resourceUrl.replace(/\/api$/i, '/auth') : `${new URL(resourceUrl).origin}/auth`;
}

// What makes two connections the same PSA account (a second connection to it is a conflict).
export function identityOf(credentials: AnyCredentials): string {
  switch (credentials.kind) {
    case 'connectwise':
      return [credentials.siteUrl, credentials.companyId.toLowerCase(), credentials.publicKey].join('|');
    case 'autotask':
      return [credentials.zoneDiscoveryUrl, credentials.userName.toLowerCase()].join('|');
    case 'halopsa':
      return [credentials.resourceUrl, credentials.tenant ?? '', credentials.clientId].join('|');
  }
}

// The field holding each kind's secret, and the fields that decide where (or as whom) that secret is sent. A change
// of any of the latter must bring the secret again: otherwise a PATCH of the site alone would send the stored
// secret to a host of the caller's choosing.
const SECRET_FIELD = { connectwise: 'privateKey', autotask: 'secret', halopsa: 'clientSecret' } as const;
const DESTINATION_FIELDS: Record<AnyCredentials['kind'], readonly string[]> = {
  connectwise: ['siteUrl', 'companyId', 'clientId', 'publicKey'],
  autotask: ['zoneDiscoveryUrl', 'userName', 'integrationCode'],
  halopsa: ['resourceUrl', 'authUrl', 'tenant', 'clientId'],
};

// Refuses a change that moves a connection's destination without its secret (values equal to the stored ones are no
// change).
export function requireSecretForNewDestination(current: AnyCredentials, next: AnyCredentials, change: Change): void {
  const secretField = SECRET_FIELD[current.kind];
  if (secretField in change) return;
  const before = new Map<string, unknown>(Object.entries(current));
  const after = new Map<string, unknown>(Object.entries(next));
  const moved = DESTINATION_FIELDS[current.kind].filter((f) => before.get(f) !== after.get(f));
  if (moved.length === 0) return;
  throw new AppError(
    'RECONCILE.CONNECTION_SECRET_REQUIRED',
    `Changing ${moved.join(', ')} of a ${current.kind} connection needs ${secretField} again`,
    [{ path: secretField, message: `required when ${moved.join(', ')} change` }],
  );
}

// PSA credentials between a request, the PSA and the database: checked against the PSA before they are kept, the
// secret encrypted at rest and never answered.
@Injectable()
export class PsaCredentials {
  constructor(
    private readonly adapters: PsaAdapterFactory,
    private readonly cipher: SecretCipher,
  ) {}

  adapter(credentials: AnyCredentials): PsaAdapter {
    switch (credentials.kind) {
      case 'connectwise':
        return this.adapters.connectWise(credentials);
      case 'autotask':
        return this.adapters.autotask(credentials);
      case 'halopsa':
        return this.adapters.halo(credentials);
    }
  }

  // Resolves when the PSA accepts them; rejects with the PSA's status and message when not.
  verify(credentials: AnyCredentials): Promise<void> {
    return this.adapter(credentials).verify();
  }

  // The credential fields of a connection document (its secret encrypted for that connection alone).
  storable(credentials: AnyCredentials, connectionId: string): StoredFields {
    const owner = connectionSecretOwner(connectionId);
    const none = { siteUrl: null, companyId: null, publicKey: null, clientId: null, settings: {} };
    switch (credentials.kind) {
      case 'connectwise': {
        const { siteUrl, companyId, publicKey, clientId, privateKey } = credentials;
        return {
          ...none,
          kind: 'connectwise',
          siteUrl,
          companyId,
          publicKey,
          clientId,
          secret: this.cipher.encrypt(privateKey, owner),
        };
      }
      case 'autotask': {
        const { zoneDiscoveryUrl, userName, integrationCode, secret } = credentials;
        const settings = { zoneDiscoveryUrl, userName, integrationCode };
        return { ...none, kind: 'autotask', settings, secret: this.cipher.encrypt(secret, owner) };
      }
      case 'halopsa': {
        const { resourceUrl, authUrl, tenant, clientId, clientSecret } = credentials;
        const settings = { resourceUrl, authUrl, clientId, ...(tenant === null ? {} : { tenant }) };
        return { ...none, kind: 'halopsa', settings, secret: this.cipher.encrypt(clientSecret, owner) };
      }
    }
  }

  // The credentials of a stored connection, its secret decrypted (SECRETS.* when it cannot be); `replacement`, when
  // a change brings the secret again, is used instead, so a secret whose key is gone can still be replaced.
  stored(doc: PsaConnectionDoc, replacement?: string): AnyCredentials {
    if (!doc.secret || doc.kind === 'import') {
      throw new AppError(
        'RECONCILE.CONNECTION_INVALID_STATE',
        `Connection ${doc._id} has no credentials: it is an import`,
      );
    }
    return fieldsOf(doc, replacement ?? this.cipher.decrypt(doc.secret, connectionSecretOwner(doc._id)));
  }

  // The stored credentials with a change applied (the secret decrypted only if the change does not bring it).
  storedWith(doc: PsaConnectionDoc, change: Change): AnyCredentials {
    const given: unknown = doc.kind === 'import' ? undefined : change[SECRET_FIELD[doc.kind]];
    return this.changed(this.stored(doc, typeof given === 'string' ? given : undefined), change);
  }

  // The stored credentials with a change applied; a field of another PSA kind is refused.
  changed(current: AnyCredentials, change: Change): AnyCredentials {
    const known = new Set(Object.keys(current));
    const bad = Object.keys(change).filter((k) => !known.has(k));
    if (bad.length > 0) {
      throw new AppError(
        'COMMON.VALIDATION_FAILED',
        `A ${current.kind} connection has no ${bad.join(', ')}`,
        bad.map((path) => ({ path, message: `not a ${current.kind} field` })),
      );
    }
    // Every key of the change is a field of this kind (checked above), so the merge is an input of this kind.
    const next = credentialsOf({ ...current, ...change, name: '', actor: '' } as PsaConnectionInput);
    requireSecretForNewDestination(current, next, change);
    return next;
  }
}

// Who a stored connection connects to, without its secret (which another connection's conflict check never needs).
export function storedIdentity(doc: PsaConnectionDoc): string {
  return identityOf(fieldsOf(doc, ''));
}

function fieldsOf(doc: PsaConnectionDoc, secret: string): AnyCredentials {
  const setting = (key: string): string => doc.settings[key] ?? '';
  switch (doc.kind) {
    case 'import':
      throw new AppError(
        'RECONCILE.CONNECTION_INVALID_STATE',
        `Connection ${doc._id} has no credentials: it is an import`,
      );
    case 'connectwise':
      return {
        kind: 'connectwise',
        siteUrl: doc.siteUrl ?? '',
        companyId: doc.companyId ?? '',
        publicKey: doc.publicKey ?? '',
        privateKey: secret,
        clientId: doc.clientId ?? '',
      };
    case 'autotask':
      return {
        kind: 'autotask',
        zoneDiscoveryUrl: setting('zoneDiscoveryUrl'),
        userName: setting('userName'),
        integrationCode: setting('integrationCode'),
        secret,
      };
    case 'halopsa':
      return {
        kind: 'halopsa',
        resourceUrl: setting('resourceUrl'),
        authUrl: setting('authUrl'),
        tenant: doc.settings['tenant'] ?? null,
        clientId: setting('clientId'),
        clientSecret: secret,
      };
  }
}
