import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { findPage } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { ApiKeyRole } from '@seatwise/shared/contracts/gateway-api';
import type { Page } from '@seatwise/shared/contracts/page';
import { Schema } from 'mongoose';

export interface ApiKeyDoc {
  _id: string;
  name: string;
  role: ApiKeyRole;
  // sha256 of the key; the key itself is never stored.
  hash: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const schema = new Schema<ApiKeyDoc>(
  {
    _id: String,
    name: String,
    role: String,
    hash: String,
    prefix: String,
    createdAt: Date,
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
schema.index({ prefix: 1 }, { unique: true });
schema.index({ createdAt: 1, _id: 1 });

// FerretDB drops null defaults on some writes: a missing field reads as null.
const DEFAULTS: Partial<ApiKeyDoc> = { lastUsedAt: null, revokedAt: null };

// The gateway's own data: API keys (a cross-tenant collection; keys are not per Duo account).
@Injectable()
export class ApiKeyRepository extends MongooseRepository<ApiKeyDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ApiKey', collection: 'api_keys', schema, defaults: DEFAULTS });
  }

  async findByPrefix(prefix: string): Promise<ApiKeyDoc | null> {
    return this.filled(
      await this.model
        .findOne({ prefix: { $eq: prefix } })
        .lean<ApiKeyDoc>()
        .exec(),
    );
  }

  // Oldest first: by creation time, then id.
  page(limit: number, cursor: string | undefined): Promise<Page<ApiKeyDoc>> {
    return findPage(this.finder(), {}, { sort: 'createdAt', limit, cursor }, (doc) => doc);
  }

  async revoke(id: string, at: Date): Promise<ApiKeyDoc | null> {
    await this.model.updateOne({ _id: { $eq: id }, revokedAt: null }, { $set: { revokedAt: at } }).exec();
    return this.findById(id);
  }

  // The record of the configured bootstrap key: written at its first start; a different key (another hash) is a new
  // bootstrap key and starts a fresh record (the operator's way back in after disabling the old one).
  async recordBootstrap(doc: ApiKeyDoc): Promise<void> {
    const current = await this.findById(doc._id);
    if (current?.hash === doc.hash) return;
    if (current) {
      await this.model.replaceOne({ _id: { $eq: doc._id } }, doc).exec();
      return;
    }
    await this.insert(doc).catch((error: unknown) => {
      // Another gateway instance recorded it at the same time.
      if (!isDuplicateKey(error)) throw error;
    });
  }

  // Ids of the admin keys not revoked.
  async activeAdminIds(): Promise<string[]> {
    const docs = await this.model
      .find({ role: { $eq: 'admin' }, revokedAt: null }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((doc) => doc._id);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: { $eq: id } }, { $set: { lastUsedAt: at } }).exec();
  }
}
