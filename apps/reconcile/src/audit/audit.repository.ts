import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import type { AuditEntryView } from '@seatwise/shared/contracts/reconcile-views';
import { Schema } from 'mongoose';
import { definedOnly } from '../db/defined-only';

export interface AuditDoc {
  _id: string; // time-ordered
  at: Date;
  actor: string;
  action: string;
  targetKind: AuditEntryView['targetKind'];
  targetId: string;
  accountId: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

const schema = new Schema<AuditDoc>(
  {
    _id: String,
    at: Date,
    actor: String,
    action: String,
    targetKind: String,
    targetId: String,
    accountId: { type: String, default: null },
    note: { type: String, default: null },
    details: { type: Schema.Types.Mixed, default: () => ({}) },
  },
  { versionKey: false, minimize: false },
);
schema.index({ accountId: 1, _id: -1 });
schema.index({ targetId: 1, _id: -1 });
schema.index({ action: 1, _id: -1 });

const DEFAULTS: Partial<AuditDoc> = { accountId: null, note: null, details: {} };

export interface AuditFilter {
  accountId?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
}

@Injectable()
export class AuditRepository extends MongooseRepository<AuditDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'Audit', collection: 'audit_log', schema, defaults: DEFAULTS });
  }

  async insertAll(docs: AuditDoc[]): Promise<void> {
    if (docs.length > 0) await this.model.insertMany(docs, { ordered: false });
  }

  // An entry whose id is derived from its source event: a redelivered event finds it written and changes nothing.
  async insertOnce(doc: AuditDoc): Promise<void> {
    await this.insert(doc).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  }

  // Newest first: ids are time-ordered.
  page<T>(query: AuditFilter & Omit<PageRequest, 'sort'>, toView: (doc: AuditDoc) => T): Promise<Page<T>> {
    const { limit, cursor, ...filter } = query;
    return findPage(this.finder(), definedOnly(filter), { limit, cursor, sort: '-_id' }, toView);
  }
}
