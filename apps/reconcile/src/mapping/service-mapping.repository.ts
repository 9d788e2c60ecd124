import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { DuoSku } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import type { MappingState } from './account-mapping.repository';

export interface ServiceMappingDoc {
  _id: DuoSku;
  state: MappingState;
  productId: string | null;
  connectionId: string | null;
  revision: number;
  updatedAt: Date;
}

const schema = new Schema<ServiceMappingDoc>(
  { _id: String, state: String, productId: { type: String, default: null }, connectionId: { type: String, default: null }, revision: Number, updatedAt: Date },
  { versionKey: false },
);

// Duo SKU → PSA product. A missing document is an unmapped SKU.
@Injectable()
export class ServiceMappingRepository implements OnModuleInit {
  private readonly model: Model<ServiceMappingDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<ServiceMappingDoc>('ServiceMapping', schema, 'service_mappings');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async all(): Promise<ServiceMappingDoc[]> {
    return (await this.model.find().lean<ServiceMappingDoc[]>().exec()).map(normalize);
  }

  async get(sku: DuoSku): Promise<ServiceMappingDoc | null> {
    const doc = await this.model.findById(sku).lean<ServiceMappingDoc>().exec();
    return doc ? normalize(doc) : null;
  }

  // Conditional on the revision read (0 = no document yet); null when someone else changed it first.
  async transition(sku: DuoSku, revision: number, change: Pick<ServiceMappingDoc, 'state' | 'productId' | 'connectionId'>, now: Date): Promise<ServiceMappingDoc | null> {
    try {
      const doc = await this.model
        .findOneAndUpdate({ _id: sku, revision }, { $set: { ...change, updatedAt: now }, $inc: { revision: 1 } }, { returnDocument: 'after', upsert: revision === 0 })
        .lean<ServiceMappingDoc>()
        .exec();
      return doc ? normalize(doc) : null;
    } catch (error) {
      if (isDuplicateKey(error)) return null; // the upsert met a document created concurrently
      throw error;
    }
  }

  async countMapped(): Promise<number> {
    return this.model.countDocuments({ state: 'mapped' }).exec();
  }

  async byConnection(connectionId: string): Promise<ServiceMappingDoc[]> {
    return (await this.model.find({ connectionId }).lean<ServiceMappingDoc[]>().exec()).map(normalize);
  }
}

function normalize(doc: ServiceMappingDoc): ServiceMappingDoc {
  return { ...doc, productId: doc.productId ?? null, connectionId: doc.connectionId ?? null };
}
