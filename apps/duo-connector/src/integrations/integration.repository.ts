import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';
import type { EncryptedSecret, SecretOwner } from '@seatwise/platform/crypto/secret-cipher';
import { SecretField } from '@seatwise/platform/crypto/secret-field';
import type { SecretStore, StoredSecret } from '@seatwise/platform/crypto/secret-rotation';

export interface IntegrationDoc {
  _id: string;
  name: string;
  kind: 'admin' | 'accounts';
  apiHostname: string;
  integrationKey: string;
  secret: EncryptedSecret;
  status: 'pending' | 'connected' | 'error';
  lastError: { code: string; message: string; at: Date } | null;
  lastSyncAt: Date | null;
  // The version (updatedAt) of the integration whose child accounts were last listed, at lastSyncAt: a replica taking
  // the listing over lists again only when the interval has passed or the integration changed since (#18).
  listedVersionAt: Date | null;
  // Whether its keys passed the probe when last stored: what every replica polls (older rows: true).
  polling: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<IntegrationDoc>(
  {
    _id: String,
    name: String,
    kind: String,
    apiHostname: String,
    integrationKey: String,
    secret: { keyId: String, iv: String, tag: String, data: String, bound: Boolean },
    status: String,
    lastError: { type: Schema.Types.Mixed, default: null },
    lastSyncAt: { type: Date, default: null },
    listedVersionAt: { type: Date, default: null },
    polling: { type: Boolean, default: true },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false },
);
// One row per Duo integration: the same keys added twice is a conflict, not a second poller.
schema.index({ apiHostname: 1, integrationKey: 1 }, { unique: true });

// What a read fills in where a null was dropped on write (FerretDB does; see fillAbsent).
const DEFAULTS: Partial<IntegrationDoc> = { lastError: null, lastSyncAt: null, listedVersionAt: null, polling: true };

const COLLECTION = 'integrations';

// Where an integration's secret is stored: its ciphertext decrypts only there.
export function integrationSecretOwner(id: string): SecretOwner {
  return { collection: COLLECTION, id };
}

@Injectable()
export class IntegrationRepository extends MongooseRepository<IntegrationDoc> implements SecretStore {
  readonly collection = COLLECTION;
  private readonly secrets: SecretField<IntegrationDoc>;

  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'Integration', collection: COLLECTION, schema, defaults: DEFAULTS });
    this.secrets = new SecretField(this.model);
  }

  storedSecrets(): Promise<StoredSecret[]> {
    return this.secrets.stored();
  }

  replaceSecret(id: string, current: EncryptedSecret, next: EncryptedSecret): Promise<boolean> {
    return this.secrets.replace(id, current, next);
  }

  // An integration that cannot start (its secret unreadable), in error with the reason.
  async markError(id: string, error: { code: string; message: string }, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { status: 'error', lastError: { ...error, at } } }).exec();
  }

  // After it started again: polling reports its own status from here on.
  async clearError(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { status: 'connected', lastError: null } }).exec();
  }

  async findByKey(apiHostname: string, integrationKey: string): Promise<IntegrationDoc | null> {
    return this.filled(await this.model.findOne({ apiHostname, integrationKey }).lean<IntegrationDoc>().exec());
  }

  list(): Promise<IntegrationDoc[]> {
    return this.findMany({}, { createdAt: 1 });
  }

  async update(id: string, changes: Partial<Omit<IntegrationDoc, '_id'>>): Promise<IntegrationDoc | null> {
    return this.updateAndRead({ _id: id }, { $set: changes });
  }
}
