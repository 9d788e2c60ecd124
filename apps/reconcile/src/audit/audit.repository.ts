import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { AuditEntryView } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { afterCondition } from '../db/cursor';

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
  { _id: String, at: Date, actor: String, action: String, targetKind: String, targetId: String, accountId: { type: String, default: null }, note: { type: String, default: null }, details: { type: Schema.Types.Mixed, default: () => ({}) } },
  { versionKey: false, minimize: false },
);
schema.index({ accountId: 1, _id: -1 });
schema.index({ targetId: 1, _id: -1 });
schema.index({ action: 1, _id: -1 });

export interface AuditQuery {
  accountId?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

@Injectable()
export class AuditRepository implements OnModuleInit {
  private readonly model: Model<AuditDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<AuditDoc>('Audit', schema, 'audit_log');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(docs: AuditDoc[]): Promise<void> {
    if (docs.length > 0) await this.model.insertMany(docs, { ordered: false });
  }

  async list(query: AuditQuery): Promise<AuditDoc[]> {
    const filter = {
      ...(query.accountId === undefined ? {} : { accountId: query.accountId }),
      ...(query.action === undefined ? {} : { action: query.action }),
      ...(query.targetId === undefined ? {} : { targetId: query.targetId }),
      ...afterCondition(query.cursor, -1),
    };
    return this.model.find(filter).sort({ _id: -1 }).limit(query.limit + 1).lean<AuditDoc[]>().exec();
  }
}

export function toAuditView(doc: AuditDoc): AuditEntryView {
  return {
    id: doc._id, at: new Date(doc.at).toISOString(), actor: doc.actor, action: doc.action, targetKind: doc.targetKind,
    targetId: doc.targetId, accountId: doc.accountId ?? null, note: doc.note ?? null, details: doc.details,
  };
}
