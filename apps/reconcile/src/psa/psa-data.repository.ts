import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { Model } from 'mongoose';
import { afterCondition, escapeRegex } from '../db/cursor';
import {
  additionSchema,
  agreementSchema,
  companySchema,
  productSchema,
  type PsaAdditionDoc,
  type PsaAgreementDoc,
  type PsaCompanyDoc,
  type PsaProductDoc,
} from './psa-records.schemas';

export interface PsaListQuery {
  connectionId?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Kind = 'companies' | 'products' | 'agreements' | 'additions';
// The fields every synced record has; generic operations (cleanup) see each model as this.
interface Synced { _id: string; connectionId: string; seenRun: string }
const BATCH = 500;
const KINDS: readonly Kind[] = ['companies', 'products', 'agreements', 'additions'];

// The synced PSA data (cross-tenant: PSA records belong to the MSP, not to one Duo account).
@Injectable()
export class PsaDataRepository implements OnModuleInit {
  private readonly models: {
    companies: Model<PsaCompanyDoc>;
    products: Model<PsaProductDoc>;
    agreements: Model<PsaAgreementDoc>;
    additions: Model<PsaAdditionDoc>;
  };

  constructor(mongo: MongoConnection) {
    const c = mongo.connection;
    this.models = {
      companies: c.model<PsaCompanyDoc>('PsaCompany', companySchema, 'psa_companies'),
      products: c.model<PsaProductDoc>('PsaProduct', productSchema, 'psa_products'),
      agreements: c.model<PsaAgreementDoc>('PsaAgreement', agreementSchema, 'psa_agreements'),
      additions: c.model<PsaAdditionDoc>('PsaAddition', additionSchema, 'psa_additions'),
    };
  }

  async onModuleInit(): Promise<void> {
    for (const kind of KINDS) await this.synced(kind).createIndexes();
  }

  upsertCompanies(docs: PsaCompanyDoc[]): Promise<void> {
    return this.upsert(this.models.companies, docs);
  }

  upsertProducts(docs: PsaProductDoc[]): Promise<void> {
    return this.upsert(this.models.products, docs);
  }

  upsertAgreements(docs: PsaAgreementDoc[]): Promise<void> {
    return this.upsert(this.models.agreements, docs);
  }

  upsertAdditions(docs: PsaAdditionDoc[]): Promise<void> {
    return this.upsert(this.models.additions, docs);
  }

  // After a full sync or import: forget what that run did not see. Returns how many records went.
  async removeUnseen(connectionId: string, runId: string, kinds: readonly Kind[]): Promise<number> {
    let removed = 0;
    for (const kind of kinds) {
      removed += (await this.synced(kind).deleteMany({ connectionId, seenRun: { $ne: runId } }).exec()).deletedCount;
    }
    return removed;
  }

  async deleteConnection(connectionId: string): Promise<void> {
    for (const kind of KINDS) await this.synced(kind).deleteMany({ connectionId }).exec();
  }

  async company(id: string): Promise<PsaCompanyDoc | null> {
    return this.models.companies.findById(id).lean<PsaCompanyDoc>().exec();
  }

  async product(id: string): Promise<PsaProductDoc | null> {
    return this.models.products.findById(id).lean<PsaProductDoc>().exec();
  }

  async companiesByNameKey(nameKey: string): Promise<PsaCompanyDoc[]> {
    return this.models.companies.find({ nameKey }).lean<PsaCompanyDoc[]>().exec();
  }

  async companiesByIds(ids: string[]): Promise<PsaCompanyDoc[]> {
    return ids.length === 0 ? [] : this.models.companies.find({ _id: { $in: ids } }).lean<PsaCompanyDoc[]>().exec();
  }

  async productsByIds(ids: string[]): Promise<PsaProductDoc[]> {
    return ids.length === 0 ? [] : this.models.products.find({ _id: { $in: ids } }).lean<PsaProductDoc[]>().exec();
  }

  // Every company's id and name, for ranking suggestions.
  async companyNames(): Promise<{ _id: string; name: string }[]> {
    return this.models.companies.find({}, { name: 1 }).lean<{ _id: string; name: string }[]>().exec();
  }

  async listCompanies(query: PsaListQuery): Promise<PsaCompanyDoc[]> {
    return this.models.companies.find(listFilter(query)).sort({ _id: 1 }).limit(query.limit + 1).lean<PsaCompanyDoc[]>().exec();
  }

  async listProducts(query: PsaListQuery): Promise<PsaProductDoc[]> {
    return this.models.products.find(listFilter(query)).sort({ _id: 1 }).limit(query.limit + 1).lean<PsaProductDoc[]>().exec();
  }

  async agreements(connectionId: string): Promise<PsaAgreementDoc[]> {
    return this.models.agreements.find({ connectionId }).lean<PsaAgreementDoc[]>().exec();
  }

  // What the PSA bills a company for a product: active lines on active agreements, summed.
  async billedQuantity(companyId: string, productId: string): Promise<number> {
    const active = await this.models.agreements.find({ companyId, cancelled: false }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    if (active.length === 0) return 0;
    const lines = await this.models.additions
      .find({ companyId, productId, cancelled: false, agreementId: { $in: active.map((a) => a._id) } }, { quantity: 1 })
      .lean<{ quantity: number }[]>()
      .exec();
    return lines.reduce((n, l) => n + l.quantity, 0);
  }

  async setAdditionQuantity(id: string, quantity: number): Promise<void> {
    await this.models.additions.updateOne({ _id: id }, { $set: { quantity } }).exec();
  }

  // Each model's documents extend Synced; mongoose's generics cannot see that through the union.
  private synced(kind: Kind): Model<Synced> {
    return this.models[kind] as unknown as Model<Synced>;
  }

  private async upsert<T extends { _id: string }>(model: Model<T>, docs: T[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const ops = docs.slice(i, i + BATCH).map((doc) => {
        const { _id, ...fields } = doc;
        return { updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } };
      });
      // mongoose cannot type a generic document's update operators; each op is {filter:{_id}, $set: fields of T}.
      await model.bulkWrite(ops as unknown as Parameters<Model<T>['bulkWrite']>[0], { ordered: false });
    }
  }
}

function listFilter(query: PsaListQuery): Record<string, unknown> {
  return {
    ...afterCondition(query.cursor, 1),
    ...(query.connectionId === undefined ? {} : { connectionId: query.connectionId }),
    ...(query.q === undefined || query.q.trim() === '' ? {} : { name: { $regex: escapeRegex(query.q.trim()), $options: 'i' } }),
  };
}
