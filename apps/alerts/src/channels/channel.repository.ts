import { Injectable } from '@nestjs/common';
import type { EncryptedSecret, SecretOwner } from '@seatwise/platform/crypto/secret-cipher';
import { SecretField } from '@seatwise/platform/crypto/secret-field';
import type { SecretStore, StoredSecret } from '@seatwise/platform/crypto/secret-rotation';
import { findPage } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { AlertChannelKind } from '@seatwise/shared/contracts/alerts-channels';
import type { Page } from '@seatwise/shared/contracts/page';
import { AppError } from '@seatwise/shared/errors/app-error';
import { Schema } from 'mongoose';

export interface ChannelDoc {
  _id: string;
  name: string;
  kind: AlertChannelKind;
  // Each kind's own settings; the others' are null.
  url: string | null;
  to: string[] | null;
  boardId: number | null;
  // The webhook secret, encrypted (SecretCipher); null for the other kinds.
  secret: EncryptedSecret | null;
  enabled: boolean;
  // Set when the dispatcher disabled the channel after repeated failed deliveries; cleared when it is enabled again.
  disabledReason: string | null;
  disabledAt: Date | null;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<ChannelDoc>(
  {
    _id: String,
    name: String,
    kind: String,
    url: { type: String, default: null },
    to: { type: [String], default: null },
    boardId: { type: Number, default: null },
    secret: { type: Schema.Types.Mixed, default: null },
    enabled: Boolean,
    disabledReason: { type: String, default: null },
    disabledAt: { type: Date, default: null },
    createdBy: String,
    updatedBy: String,
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, minimize: false },
);

const DEFAULTS: Partial<ChannelDoc> = {
  url: null,
  to: null,
  boardId: null,
  secret: null,
  disabledReason: null,
  disabledAt: null,
};

// Alert channels are the MSP's own (not per Duo account): no tenant field to scope by.
const COLLECTION = 'alert_channels';

// Where a webhook channel's secret is stored: its ciphertext decrypts only there.
export function channelSecretOwner(id: string): SecretOwner {
  return { collection: COLLECTION, id };
}

@Injectable()
export class ChannelRepository extends MongooseRepository<ChannelDoc> implements SecretStore {
  readonly collection = COLLECTION;
  private readonly secrets: SecretField<ChannelDoc>;

  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AlertChannel', collection: COLLECTION, schema, defaults: DEFAULTS });
    this.secrets = new SecretField(this.model);
  }

  // Webhook channels' secrets (the other kinds have none).
  storedSecrets(): Promise<StoredSecret[]> {
    return this.secrets.stored();
  }

  replaceSecret(id: string, current: EncryptedSecret, next: EncryptedSecret): Promise<boolean> {
    return this.secrets.replace(id, current, next);
  }

  async mustFind(id: string): Promise<ChannelDoc> {
    const doc = await this.findById(id);
    if (!doc) throw new AppError('ALERTS.CHANNEL_NOT_FOUND', `No alert channel ${id}`);
    return doc;
  }

  page<T>(request: { limit: number; cursor?: string | undefined }, toView: (doc: ChannelDoc) => T): Promise<Page<T>> {
    return findPage(this.finder(), {}, { limit: request.limit, cursor: request.cursor, sort: '_id' }, toView);
  }

  // The channels of these ids that exist (rules name channels; unknown ids are the caller's error).
  async existing(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await this.findMany({ _id: { $in: [...ids] } }, { _id: 1 })).map((doc) => doc._id);
  }

  update(id: string, changes: Partial<Omit<ChannelDoc, '_id' | 'kind' | 'createdAt' | 'createdBy'>>) {
    return this.updateAndRead({ _id: id }, { $set: changes });
  }

  // Only an enabled channel is disabled, so the first reason (and time) stays when several failures race.
  disable(id: string, reason: string, at: Date): Promise<ChannelDoc | null> {
    return this.updateAndRead(
      { _id: id, enabled: true },
      { $set: { enabled: false, disabledReason: reason, disabledAt: at, updatedAt: at, updatedBy: 'alerts' } },
    );
  }
}
