import { Injectable } from '@nestjs/common';
import { duplicateKeyIndexes, retriedOnDuplicate } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import { nativeDb } from '@seatwise/platform/db/native-db';
import type { CatalogProduct } from '@seatwise/shared/contracts/discovery-views';
import type { mongo } from 'mongoose';

// A custom catalog product as stored, with who last changed it and when.
export interface CustomProductDoc {
  _id: string;
  name: string;
  vendor: string;
  category: string;
  domain: string;
  aliases: string[];
  vendorUrl: string | null;
  actor: string;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

// The catalog's state: the custom entries' revision (grows with every change) and the catalog version
// the services were last re-matched against.
interface CatalogStateDoc {
  _id: 'catalog';
  revision: number;
  matchedVersion?: string;
}

@Injectable()
export class CustomCatalogRepository extends NativeRepository<CustomProductDoc> {
  private readonly state: mongo.Collection<CatalogStateDoc>;

  constructor(connection: MongoConnection) {
    // Read whole (a few hundred products at most) and by _id.
    super(connection, 'catalog_products', []);
    this.state = nativeDb(connection).collection<CatalogStateDoc>('catalog_state');
  }

  async all(): Promise<CatalogProduct[]> {
    const docs = await this.collection.find({}).sort({ _id: 1 }).toArray();
    return docs.map(toProduct);
  }

  async get(id: string): Promise<CustomProductDoc | null> {
    return this.collection.findOne({ _id: id });
  }

  // false when the id is taken.
  async insert(doc: CustomProductDoc): Promise<boolean> {
    try {
      await this.collection.insertOne(doc);
      return true;
    } catch (error) {
      duplicateKeyIndexes(error);
      return false;
    }
  }

  async replace(doc: CustomProductDoc): Promise<void> {
    await this.collection.replaceOne({ _id: doc._id }, doc);
  }

  async revision(): Promise<number> {
    return (await this.state.findOne({ _id: 'catalog' }))?.revision ?? 0;
  }

  // One more revision; the new number. A single $inc upsert (one writer per change, serialized in-process).
  async nextRevision(): Promise<number> {
    const doc = await retriedOnDuplicate(() =>
      this.state.findOneAndUpdate(
        { _id: 'catalog' },
        { $inc: { revision: 1 } },
        { upsert: true, returnDocument: 'after' },
      ),
    );
    if (!doc) throw new Error('catalog revision upsert returned nothing');
    return doc.revision;
  }

  async matchedVersion(): Promise<string | undefined> {
    return (await this.state.findOne({ _id: 'catalog' }))?.matchedVersion;
  }

  async setMatchedVersion(version: string): Promise<void> {
    await retriedOnDuplicate(() =>
      this.state.updateOne({ _id: 'catalog' }, { $set: { matchedVersion: version } }, { upsert: true }),
    );
  }
}

export function toProduct(doc: CustomProductDoc): CatalogProduct {
  return {
    id: doc._id,
    name: doc.name,
    vendor: doc.vendor,
    category: doc.category,
    domain: doc.domain,
    aliases: doc.aliases,
    custom: true,
    vendorUrl: doc.vendorUrl ?? null,
  };
}
