import { Injectable } from '@nestjs/common';
import { retriedOnDuplicate } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { nativeDb } from '@seatwise/platform/db/native-db';
import type { mongo } from 'mongoose';

export interface DerivationDoc {
  _id: 'inventories';
  version: number;
  // resetting: a re-derivation began and may not have finished resetting (it is repeated).
  state: 'resetting' | 'current';
}

// Which derivation built the inventories (DerivationService): one document.
@Injectable()
export class DerivationStateRepository {
  private readonly state: mongo.Collection<DerivationDoc>;

  constructor(connection: MongoConnection) {
    this.state = nativeDb(connection).collection<DerivationDoc>('derivation');
  }

  get(): Promise<DerivationDoc | null> {
    return this.state.findOne({ _id: 'inventories' });
  }

  // Replicas started together on a fresh database each write it first: FerretDB 1.24 does not isolate a first upsert
  // and failed one of them on the duplicate key, which stopped that replica's start (seen in the MSP bench's
  // two-replica ingest). Written again, the replace finds the document.
  async save(version: number, state: DerivationDoc['state']): Promise<void> {
    await retriedOnDuplicate(() => this.state.replaceOne({ _id: 'inventories' }, { version, state }, { upsert: true }));
  }
}
