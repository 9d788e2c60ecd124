import { Injectable } from '@nestjs/common';
import type { EncryptedSecret, SecretOwner } from '@seatwise/platform/crypto/secret-cipher';
import { SecretField } from '@seatwise/platform/crypto/secret-field';
import type { SecretStore, StoredSecret } from '@seatwise/platform/crypto/secret-rotation';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import { AppError } from '@seatwise/shared/errors/app-error';
import type { PSA_KINDS } from '@seatwise/shared/contracts/reconcile-views';
import { Schema } from 'mongoose';
import type { PsaUsage } from './psa-adapter';

export type PsaKind = (typeof PSA_KINDS)[number];

export interface Watermarks {
  companies: string | null;
  products: string | null;
  agreements: string | null;
  additions: string | null;
}

// Frozen: documents that lack watermarks all read this one object.
export const NO_WATERMARKS: Readonly<Watermarks> = Object.freeze({
  companies: null,
  products: null,
  agreements: null,
  additions: null,
});

export interface PsaConnectionDoc {
  _id: string;
  name: string;
  kind: PsaKind;
  // ConnectWise's credentials (null for the other kinds).
  siteUrl: string | null;
  companyId: string | null;
  publicKey: string | null;
  clientId: string | null;
  // Other kinds' non-secret credentials (Autotask: zoneDiscoveryUrl, userName, integrationCode; HaloPSA:
  // resourceUrl, authUrl, tenant, clientId).
  settings: Record<string, string>;
  // The PSA's secret (private key, secret, client secret), encrypted; null for an import connection.
  secret: EncryptedSecret | null;
  // The request budget as last seen, for PSAs that publish one.
  usage: PsaUsage | null;
  status: 'connected' | 'error';
  lastError: { code: string; message: string; at: Date } | null;
  lastSyncAt: Date | null;
  // Newest lastUpdated seen per resource (the PSA's clock), where the next quick sync starts.
  watermarks: Watermarks;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<PsaConnectionDoc>(
  {
    _id: String,
    name: String,
    kind: String,
    siteUrl: { type: String, default: null },
    companyId: { type: String, default: null },
    publicKey: { type: String, default: null },
    clientId: { type: String, default: null },
    settings: { type: Schema.Types.Mixed, default: () => ({}) },
    usage: { type: Schema.Types.Mixed, default: null },
    secret: { type: Schema.Types.Mixed, default: null },
    status: String,
    lastError: { type: Schema.Types.Mixed, default: null },
    lastSyncAt: { type: Date, default: null },
    watermarks: { type: Schema.Types.Mixed, default: () => ({ ...NO_WATERMARKS }) },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, minimize: false },
);

// Documents written before watermarks existed read as all-null watermarks.
const DEFAULTS: Partial<PsaConnectionDoc> = {
  siteUrl: null,
  companyId: null,
  publicKey: null,
  clientId: null,
  settings: {},
  usage: null,
  secret: null,
  lastError: null,
  lastSyncAt: null,
  watermarks: NO_WATERMARKS,
};

const COLLECTION = 'psa_connections';

// Where a connection's secret is stored: its ciphertext decrypts only there.
export function connectionSecretOwner(id: string): SecretOwner {
  return { collection: COLLECTION, id };
}

@Injectable()
export class PsaConnectionRepository extends MongooseRepository<PsaConnectionDoc> implements SecretStore {
  readonly collection = COLLECTION;
  private readonly secrets: SecretField<PsaConnectionDoc>;

  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'PsaConnection', collection: COLLECTION, schema, defaults: DEFAULTS });
    this.secrets = new SecretField(this.model);
  }

  storedSecrets(): Promise<StoredSecret[]> {
    return this.secrets.stored();
  }

  replaceSecret(id: string, current: EncryptedSecret, next: EncryptedSecret): Promise<boolean> {
    return this.secrets.replace(id, current, next);
  }

  // The connection, or RECONCILE.CONNECTION_NOT_FOUND: every use of a named connection starts here.
  async mustFind(id: string): Promise<PsaConnectionDoc> {
    const doc = await this.findById(id);
    if (!doc) throw new AppError('RECONCILE.CONNECTION_NOT_FOUND', `No PSA connection ${id}`);
    return doc;
  }

  // Every connection that can be synced (not imports).
  synced(): Promise<PsaConnectionDoc[]> {
    return this.findMany({ kind: { $ne: 'import' } }, { _id: 1 });
  }

  page<T>(request: Omit<PageRequest, 'sort'>, toView: (doc: PsaConnectionDoc) => T): Promise<Page<T>> {
    return findPage(this.finder(), {}, { limit: request.limit, cursor: request.cursor, sort: '_id' }, toView);
  }

  listKind(kind: PsaConnectionDoc['kind']): Promise<PsaConnectionDoc[]> {
    return this.findMany({ kind }, { _id: 1 });
  }

  async update(id: string, changes: Partial<Omit<PsaConnectionDoc, '_id'>>): Promise<PsaConnectionDoc | null> {
    return this.updateAndRead({ _id: id }, { $set: changes });
  }
}
