import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { duplicateKeyIndexes } from '@seatwise/platform/db/duplicate-key';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { findFilled } from '@seatwise/platform/db/mongoose-repository';
import { containsText } from '@seatwise/platform/db/regex';
import type { Page } from '@seatwise/shared/contracts/page';
import type { Model } from 'mongoose';
import type { QuantityResult } from './psa-adapter';
import { byExternalId, PsaLookup, type PsaLine } from './psa-lookup';
import { PsaLookupCache, psaVersionSchema, type PsaVersionDoc } from './psa-lookup-cache';
import {
  additionSchema,
  agreementSchema,
  companySchema,
  productSchema,
  type PsaAdditionDoc,
  type PsaAgreementDoc,
  type PsaCompanyDoc,
  type PsaProductDoc,
  psaRecordId,
} from './psa-records.schemas';

export interface Billing {
  quantity: number;
  unitPrice: number | null;
  // Our id of the agreement of the first line; null when nothing is billed.
  agreementId: string | null;
  currency: string | null;
}
const NOT_BILLED: Billing = { quantity: 0, unitPrice: null, agreementId: null, currency: null };

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
const PRODUCT_DEFAULTS: Partial<PsaProductDoc> = { identifier: null, unitPrice: null };
const LINE_FIELDS = {
  externalId: 1,
  agreementId: 1,
  companyId: 1,
  productId: 1,
  quantity: 1,
  unitPrice: 1,
  cancelled: 1,
} as const;
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

  private readonly lookup: PsaLookupCache;

  constructor(mongo: MongoConnection) {
    const c = mongo.connection;
    this.models = {
      companies: c.model<PsaCompanyDoc>('PsaCompany', companySchema, 'psa_companies'),
      products: c.model<PsaProductDoc>('PsaProduct', productSchema, 'psa_products'),
      agreements: c.model<PsaAgreementDoc>('PsaAgreement', agreementSchema, 'psa_agreements'),
      additions: c.model<PsaAdditionDoc>('PsaAddition', additionSchema, 'psa_additions'),
    };
    const versions = c.model<PsaVersionDoc>('PsaVersion', psaVersionSchema, 'psa_data_versions');
    this.lookup = new PsaLookupCache(versions, () => this.loadLookup());
  }

  async onModuleInit(): Promise<void> {
    for (const kind of KINDS) await this.synced(kind).createIndexes();
  }

  // Every write below ends by moving the lookup's version (see PsaLookupCache), whether or not it changed anything.
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
    await this.lookup.changed();
    return removed;
  }

  async deleteConnection(connectionId: string): Promise<void> {
    for (const kind of KINDS) await this.synced(kind).deleteMany({ connectionId }).exec();
    await this.lookup.changed();
  }

  async company(id: string): Promise<PsaCompanyDoc | null> {
    return fillAbsent(CATALOG_DEFAULTS, await this.models.companies.findById(id).lean<PsaCompanyDoc>().exec());
  }

  async product(id: string): Promise<PsaProductDoc | null> {
    return fillAbsent(PRODUCT_DEFAULTS, await this.models.products.findById(id).lean<PsaProductDoc>().exec());
  }

  async companiesByNameKey(nameKey: string): Promise<PsaCompanyDoc[]> {
    return (await this.lookup.current()).companiesByNameKey(nameKey);
  }

  async companiesByIds(ids: string[]): Promise<PsaCompanyDoc[]> {
    return ids.length === 0 ? [] : (await this.lookup.current()).companiesWithIds(ids);
  }

  async productsByIds(ids: string[]): Promise<PsaProductDoc[]> {
    return ids.length === 0 ? [] : findFilled(this.models.products, PRODUCT_DEFAULTS, { _id: { $in: ids } });
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

  // What the PSA bills a company for a product: active lines on active agreements, summed; the price and agreement
  // are the first line's (lowest agreement, then line: the line a push changes).
  async billing(companyId: string, productId: string): Promise<Billing> {
    const lookup = await this.lookup.current();
    const byId = new Map(lookup.activeAgreements(companyId).map((a) => [a._id, a]));
    const lines = lookup
      .activeLines(companyId, productId)
      .filter((l) => byId.has(l.agreementId))
      .sort((a, b) => byExternalId(byId.get(a.agreementId), byId.get(b.agreementId)) || byExternalId(a, b));
    const first = lines[0];
    if (!first) return NOT_BILLED;
    return {
      quantity: lines.reduce((n, l) => n + l.quantity, 0),
      unitPrice: first.unitPrice ?? null,
      agreementId: first.agreementId,
      currency: byId.get(first.agreementId)?.currency ?? null,
    };
  }

  // A company's active agreements, by PSA id (the default home of a new line is among them).
  async activeAgreements(companyId: string): Promise<PsaAgreementDoc[]> {
    return (await this.lookup.current()).activeAgreements(companyId);
  }

  // The agreements of these that have at least one active line.
  async billingAgreementIds(agreementIds: string[]): Promise<Set<string>> {
    return (await this.lookup.current()).billingAgreementIds(agreementIds);
  }

  async agreementsByIds(ids: string[]): Promise<PsaAgreementDoc[]> {
    return ids.length === 0 ? [] : (await this.lookup.current()).agreementsWithIds(ids);
  }

  async connectionCurrency(connectionId: string): Promise<string | null> {
    return (await this.lookup.current()).connectionCurrency(connectionId);
  }

  async agreement(id: string): Promise<PsaAgreementDoc | null> {
    const doc = await this.models.agreements.findById(id).lean<PsaAgreementDoc>().exec();
    return doc ? { ...doc, currency: doc.currency ?? null } : null;
  }

  // The line a push changed or created, as the PSA read it back, so the rows see it before the next sync.
  async recordLine(company: PsaCompanyDoc, productId: string, result: QuantityResult): Promise<void> {
    const c = company.connectionId;
    const line = result.addition;
    const fields = {
      connectionId: c,
      externalId: line.externalId,
      agreementId: psaRecordId(c, result.agreementExternalId),
      companyId: company._id,
      productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      cancelled: line.cancelled,
    };
    const _id = psaRecordId(c, line.externalId);
    // A line created here keeps seenRun '' until a sync sees it (a full sync then keeps or removes it as the PSA says).
    await this.models.additions
      .updateOne({ _id }, { $set: fields, $setOnInsert: { seenRun: '' } }, { upsert: true })
      .exec();
    await this.lookup.changedBy((lookup) => lookup.withLine({ _id, ...fields }));
  }

  // Each model's documents extend Synced; mongoose's generics cannot see that through the union.
  private synced(kind: Kind): Model<Synced> {
    return this.models[kind] as unknown as Model<Synced>;
  }

  // Inserted first, updated only when they exist: on FerretDB 1.24 an upsert (any update) reads the whole collection,
  // so a first sync or import of 10,000 companies read them all 10,000 times; an insert is keyed on every server.
  private async upsert<T extends { _id: string }>(model: Model<T>, docs: T[]): Promise<void> {
    for (const batch of chunks(docs, BATCH)) {
      const known = await insertNew(model, batch);
      if (known.length === 0) continue;
      const ops = known.map((doc) => {
        const { _id, ...fields } = doc;
        return { updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } };
      });
      // mongoose cannot type a generic document's update operators; each op is {filter:{_id}, $set: fields of T}.
      await model.bulkWrite(ops as unknown as Parameters<Model<T>['bulkWrite']>[0], { ordered: false });
    }
    await this.lookup.changed();
  }

  // One read of each collection (active lines only), for PsaLookupCache.
  private async loadLookup(): Promise<PsaLookup> {
    const [companies, agreements, lines] = await Promise.all([
      findFilled(this.models.companies, CATALOG_DEFAULTS, {}),
      this.models.agreements.find({}).lean<PsaAgreementDoc[]>().exec(),
      this.models.additions.find({ cancelled: false }, LINE_FIELDS).lean<PsaLine[]>().exec(),
    ]);
    return new PsaLookup(companies, agreements, lines);
  }
}

// Inserts the batch unordered; returns the documents whose _id was stored already (left for the caller to update).
async function insertNew<T extends { _id: string }>(model: Model<T>, batch: T[]): Promise<T[]> {
  try {
    await model.insertMany(batch, { ordered: false });
    return [];
  } catch (error) {
    const indexes = duplicateKeyIndexes(error);
    return batch.filter((_, i) => indexes.has(i));
  }
}

// Catalog records of one connection (or all) whose name or identifier (a ConnectWise product ID, a company
// identifier) contains the search text, by record id.
function catalogPage<D extends CatalogDoc>(model: Model<D>, query: CatalogQuery): Promise<Page<D>> {
  const byName = containsText('name', query.q);
  const base = {
    ...(query.connectionId === undefined ? {} : { connectionId: query.connectionId }),
    ...(Object.keys(byName).length === 0 ? {} : { $or: [byName, containsText('identifier', query.q)] }),
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
