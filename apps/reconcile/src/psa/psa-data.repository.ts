import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { findFilled } from '@seatwise/platform/db/mongoose-repository';
import { containsText } from '@seatwise/platform/db/regex';
import type { Page } from '@seatwise/shared/contracts/page';
import type { Model } from 'mongoose';
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

interface PsaListFilter {
  connectionId?: string | undefined;
  // A case-insensitive substring of the name.
  q?: string | undefined;
}

type CatalogQuery = PsaListFilter & Omit<PageRequest, 'sort'>;

type CatalogDoc = PsaCompanyDoc | PsaProductDoc;
type Kind = 'companies' | 'products' | 'agreements' | 'additions';
// The fields every synced record has; generic operations (cleanup) see each model as this.
interface Synced {
  _id: string;
  connectionId: string;
  seenRun: string;
}
const BATCH = 500;
// FerretDB drops identifiers written as null.
const CATALOG_DEFAULTS: Partial<PsaCompanyDoc & PsaProductDoc> = { identifier: null };
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
      removed += (
        await this.synced(kind)
          .deleteMany({ connectionId, seenRun: { $ne: runId } })
          .exec()
      ).deletedCount;
    }
    return removed;
  }

  async deleteConnection(connectionId: string): Promise<void> {
    for (const kind of KINDS) await this.synced(kind).deleteMany({ connectionId }).exec();
  }

  async company(id: string): Promise<PsaCompanyDoc | null> {
    return fillAbsent(CATALOG_DEFAULTS, await this.models.companies.findById(id).lean<PsaCompanyDoc>().exec());
  }

  async product(id: string): Promise<PsaProductDoc | null> {
    return fillAbsent(CATALOG_DEFAULTS, await this.models.products.findById(id).lean<PsaProductDoc>().exec());
  }

  companiesByNameKey(nameKey: string): Promise<PsaCompanyDoc[]> {
    return findFilled(this.models.companies, CATALOG_DEFAULTS, { nameKey });
  }

  async companiesByIds(ids: string[]): Promise<PsaCompanyDoc[]> {
    return ids.length === 0 ? [] : findFilled(this.models.companies, CATALOG_DEFAULTS, { _id: { $in: ids } });
  }

  async productsByIds(ids: string[]): Promise<PsaProductDoc[]> {
    return ids.length === 0 ? [] : findFilled(this.models.products, CATALOG_DEFAULTS, { _id: { $in: ids } });
  }

  // Every company's id and name, for ranking suggestions.
  async companyNames(): Promise<{ _id: string; name: string }[]> {
    return this.models.companies.find({}, { name: 1 }).lean<{ _id: string; name: string }[]>().exec();
  }

  // Catalog lists (cross-tenant), by record id.
  companiesPage(query: CatalogQuery): Promise<Page<PsaCompanyDoc>> {
    return catalogPage(this.models.companies, query);
  }

  productsPage(query: CatalogQuery): Promise<Page<PsaProductDoc>> {
    return catalogPage(this.models.products, query);
  }

  async agreements(connectionId: string): Promise<PsaAgreementDoc[]> {
    return this.models.agreements.find({ connectionId }).lean<PsaAgreementDoc[]>().exec();
  }

  // What the PSA bills a company for a product: active lines on active agreements, summed.
  async billedQuantity(companyId: string, productId: string): Promise<number> {
    const active = await this.models.agreements
      .find({ companyId, cancelled: false }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
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
    for (const batch of chunks(docs, BATCH)) {
      const ops = batch.map((doc) => {
        const { _id, ...fields } = doc;
        return { updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } };
      });
      // mongoose cannot type a generic document's update operators; each op is {filter:{_id}, $set: fields of T}.
      await model.bulkWrite(ops as unknown as Parameters<Model<T>['bulkWrite']>[0], { ordered: false });
    }
  }
}

// Catalog records of one connection (or all) whose name contains the search text, by record id.
function catalogPage<D extends CatalogDoc>(model: Model<D>, query: CatalogQuery): Promise<Page<D>> {
  const base = {
    ...(query.connectionId === undefined ? {} : { connectionId: query.connectionId }),
    ...containsText('name', query.q),
  };
  const request = { limit: query.limit, cursor: query.cursor, sort: '_id' };
  // Both catalog documents have an identifier; TypeScript cannot see that through the type parameter.
  const defaults = CATALOG_DEFAULTS as Partial<D>;
  return findPage(
    (filter, sort, limit) => findFilled(model, defaults, filter, sort, limit),
    base,
    request,
    (d) => d,
  );
}
