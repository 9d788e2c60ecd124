import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { type Model, Schema } from 'mongoose';
import type { EncryptedSecret } from '@seatwise/platform/crypto/secret-cipher';

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
    secret: { keyId: String, iv: String, tag: String, data: String },
    status: String,
    lastError: { type: Schema.Types.Mixed, default: null },
    lastSyncAt: { type: Date, default: null },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false },
);
// One row per Duo integration: the same keys added twice is a conflict, not a second poller.
schema.index({ apiHostname: 1, integrationKey: 1 }, { unique: true });

@Injectable()
export class IntegrationRepository implements OnModuleInit {
  private readonly model: Model<IntegrationDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<IntegrationDoc>('Integration', schema, 'integrations');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(doc: IntegrationDoc): Promise<void> {
    await this.model.create(doc);
  }

  async findById(id: string): Promise<IntegrationDoc | null> {
    return this.model.findById(id).lean<IntegrationDoc>().exec();
  }

  async findByKey(apiHostname: string, integrationKey: string): Promise<IntegrationDoc | null> {
    return this.model.findOne({ apiHostname, integrationKey }).lean<IntegrationDoc>().exec();
  }

  async list(): Promise<IntegrationDoc[]> {
    return this.model.find().sort({ createdAt: 1 }).lean<IntegrationDoc[]>().exec();
  }

  async update(id: string, changes: Partial<Omit<IntegrationDoc, '_id'>>): Promise<IntegrationDoc | null> {
    return this.model
      .findByIdAndUpdate(id, { $set: changes }, { returnDocument: 'after' })
      .lean<IntegrationDoc>()
      .exec();
  }

  async delete(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id }).exec()).deletedCount === 1;
  }
}
