import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { DuoSku } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { findFilled } from '../db/filled-find';
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
  {
    _id: String,
    state: String,
    productId: { type: String, default: null },
    connectionId: { type: String, default: null },
    revision: Number,
    updatedAt: Date,
  },
  { versionKey: false },
);

const DEFAULTS: Partial<ServiceMappingDoc> = { productId: null, connectionId: null };

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

  all(): Promise<ServiceMappingDoc[]> {
    return findFilled(this.model, DEFAULTS, {});
  }

  async get(sku: DuoSku): Promise<ServiceMappingDoc | null> {
    return fillAbsent(DEFAULTS, await this.model.findById(sku).lean<ServiceMappingDoc>().exec());
  }

  // Conditional on the revision read (0 = no document yet); null when someone else changed it first.
  async transition(
    sku: DuoSku,
    revision: number,
    change: Pick<ServiceMappingDoc, 'state' | 'productId' | 'connectionId'>,
    now: Date,
  ): Promise<ServiceMappingDoc | null> {
    try {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: sku, revision },
          { $set: { ...change, updatedAt: now }, $inc: { revision: 1 } },
          { returnDocument: 'after', upsert: revision === 0 },
        )
        .lean<ServiceMappingDoc>()
        .exec();
      return fillAbsent(DEFAULTS, doc);
    } catch (error) {
      if (isDuplicateKey(error)) return null; // the upsert met a document created concurrently
      throw error;
    }
  }

  async countMapped(): Promise<number> {
    return this.model.countDocuments({ state: 'mapped' }).exec();
  }

  byConnection(connectionId: string): Promise<ServiceMappingDoc[]> {
    return findFilled(this.model, DEFAULTS, { connectionId });
  }
}
