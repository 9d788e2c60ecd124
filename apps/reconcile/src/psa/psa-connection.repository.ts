import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EncryptedSecret } from '@seatwise/platform/crypto/secret-cipher';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { PsaConnectionView } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { afterCondition } from '../db/cursor';

export interface Watermarks {
  companies: string | null;
  products: string | null;
  agreements: string | null;
  additions: string | null;
}

export interface PsaConnectionDoc {
  _id: string;
  name: string;
  kind: 'connectwise' | 'import';
  siteUrl: string | null;
  companyId: string | null;
  publicKey: string | null;
  clientId: string | null;
  // The private key, encrypted; null for an import connection.
  secret: EncryptedSecret | null;
  status: 'connected' | 'error';
  lastError: { code: string; message: string; at: Date } | null;
  lastSyncAt: Date | null;
  // Newest lastUpdated seen per resource (the PSA's clock), where the next quick sync starts.
  watermarks: Watermarks;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<PsaConnectionDoc>(
  {
    _id: String,
    name: String,
    kind: String,
    siteUrl: { type: String, default: null },
    companyId: { type: String, default: null },
    publicKey: { type: String, default: null },
    clientId: { type: String, default: null },
    secret: { type: Schema.Types.Mixed, default: null },
    status: String,
    lastError: { type: Schema.Types.Mixed, default: null },
    lastSyncAt: { type: Date, default: null },
    watermarks: { type: Schema.Types.Mixed, default: () => ({ companies: null, products: null, agreements: null, additions: null }) },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, minimize: false },
);

@Injectable()
export class PsaConnectionRepository implements OnModuleInit {
  private readonly model: Model<PsaConnectionDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<PsaConnectionDoc>('PsaConnection', schema, 'psa_connections');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(doc: PsaConnectionDoc): Promise<void> {
    await this.model.create(doc);
  }

  async findById(id: string): Promise<PsaConnectionDoc | null> {
    return normalize(await this.model.findById(id).lean<PsaConnectionDoc>().exec());
  }

  async findConnectWise(siteUrl: string, companyId: string, publicKey: string): Promise<PsaConnectionDoc | null> {
    return normalize(await this.model.findOne({ kind: 'connectwise', siteUrl, companyId, publicKey }).lean<PsaConnectionDoc>().exec());
  }

  async list(limit: number, cursor?: string): Promise<PsaConnectionDoc[]> {
    const docs = await this.model.find(afterCondition(cursor, 1)).sort({ _id: 1 }).limit(limit).lean<PsaConnectionDoc[]>().exec();
    return docs.map((d) => normalize(d) as PsaConnectionDoc);
  }

  async listKind(kind: PsaConnectionDoc['kind']): Promise<PsaConnectionDoc[]> {
    return (await this.model.find({ kind }).sort({ _id: 1 }).lean<PsaConnectionDoc[]>().exec()).map((d) => normalize(d) as PsaConnectionDoc);
  }

  async update(id: string, changes: Partial<Omit<PsaConnectionDoc, '_id'>>): Promise<PsaConnectionDoc | null> {
    return normalize(await this.model.findByIdAndUpdate(id, { $set: changes }, { returnDocument: 'after' }).lean<PsaConnectionDoc>().exec());
  }

  async delete(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id }).exec()).deletedCount === 1;
  }
}

// FerretDB drops null values written on insert; missing fields read as null.
function normalize(doc: PsaConnectionDoc | null): PsaConnectionDoc | null {
  if (!doc) return null;
  // Documents written before watermarks existed (or by FerretDB without them) read as all-null.
  const w: Partial<Watermarks> = Object.assign({}, doc.watermarks);
  return {
    ...doc,
    siteUrl: doc.siteUrl ?? null, companyId: doc.companyId ?? null, publicKey: doc.publicKey ?? null, clientId: doc.clientId ?? null,
    secret: doc.secret ?? null, lastError: doc.lastError ?? null, lastSyncAt: doc.lastSyncAt ?? null,
    watermarks: { companies: w.companies ?? null, products: w.products ?? null, agreements: w.agreements ?? null, additions: w.additions ?? null },
  };
}

export function toConnectionView(doc: PsaConnectionDoc): PsaConnectionView {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    siteUrl: doc.siteUrl,
    companyId: doc.companyId,
    publicKey: doc.publicKey,
    clientId: doc.clientId,
    status: doc.status,
    lastError: doc.lastError ? { code: doc.lastError.code, message: doc.lastError.message, at: new Date(doc.lastError.at).toISOString() } : null,
    lastSyncAt: doc.lastSyncAt ? new Date(doc.lastSyncAt).toISOString() : null,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
