import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { escapeRegex } from '@seatwise/platform/db/regex';
import { Schema } from 'mongoose';

interface ClaimDoc {
  _id: string; // `company:<psaCompanyId>` or `product:<productId>`
  owner: string;
}

const schema = new Schema<ClaimDoc>({ _id: String, owner: String }, { versionKey: false });
schema.index({ owner: 1 });

// One owner per PSA company (a Duo account) and per PSA product (a SKU), enforced by the unique _id: the only
// uniqueness both MongoDB and FerretDB guarantee without partial indexes or transactions.
@Injectable()
export class ClaimsRepository extends MongooseRepository<ClaimDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'Claim', collection: 'mapping_claims', schema });
  }

  // true: claimed for owner (or already owned by it); false: someone else owns it.
  async claim(key: string, owner: string): Promise<boolean> {
    try {
      await this.insert({ _id: key, owner });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.ownerOf(key)) === owner;
    }
  }

  async ownerOf(key: string): Promise<string | null> {
    return (await this.findById(key))?.owner ?? null;
  }

  async owners(keys: string[]): Promise<Map<string, string>> {
    const docs = keys.length === 0 ? [] : await this.findMany({ _id: { $in: keys } });
    return new Map(docs.map((d) => [d._id, d.owner]));
  }

  async claimedKeys(prefix: string): Promise<Set<string>> {
    const docs = await this.model
      .find({ _id: { $regex: `^${escapeRegex(prefix)}` } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(docs.map((d) => d._id));
  }

  async release(key: string, owner: string): Promise<void> {
    await this.model.deleteOne({ _id: key, owner }).exec();
  }
}

export const companyClaim = (psaCompanyId: string): string => `company:${psaCompanyId}`;
export const productClaim = (productId: string): string => `product:${productId}`;
