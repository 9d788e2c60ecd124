import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { DuoSku } from '@seatwise/shared/contracts/reconcile-views';
import { Schema } from 'mongoose';
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
export class ServiceMappingRepository extends MongooseRepository<ServiceMappingDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'ServiceMapping', collection: 'service_mappings', schema, defaults: DEFAULTS });
  }

  all(): Promise<ServiceMappingDoc[]> {
    return this.findMany({});
  }

  // Conditional on the revision read (0 = no document yet); null when someone else changed it first.
  async transition(
    sku: DuoSku,
    revision: number,
    change: Pick<ServiceMappingDoc, 'state' | 'productId' | 'connectionId'>,
    now: Date,
  ): Promise<ServiceMappingDoc | null> {
    try {
      const update = { $set: { ...change, updatedAt: now }, $inc: { revision: 1 } };
      return await this.updateAndRead({ _id: sku, revision }, update, { upsert: revision === 0 });
    } catch (error) {
      if (isDuplicateKey(error)) return null; // the upsert met a document created concurrently
      throw error;
    }
  }

  async countMapped(): Promise<number> {
    return this.model.countDocuments({ state: 'mapped' }).exec();
  }

  // Stops at the first mapped document (a count reads them all).
  async anyMapped(): Promise<boolean> {
    return (await this.model.findOne({ state: 'mapped' }, { _id: 1 }).lean().exec()) !== null;
  }

  byConnection(connectionId: string): Promise<ServiceMappingDoc[]> {
    return this.findMany({ connectionId });
  }
}
