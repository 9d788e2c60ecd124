import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { type Model, Schema } from 'mongoose';
import { afterCondition } from '../db/cursor';

export type MappingState = 'mapped' | 'unmapped' | 'excluded';

export interface AccountMappingDoc {
  _id: string; // Duo account id
  state: MappingState;
  psaCompanyId: string | null;
  source: 'auto' | 'manual' | null;
  // Cleared by any decision of a person: an account they unmapped is never auto-mapped again.
  autoEligible: boolean;
  revision: number;
  updatedAt: Date;
}

const schema = new Schema<AccountMappingDoc>(
  { _id: String, state: String, psaCompanyId: { type: String, default: null }, source: { type: String, default: null }, autoEligible: Boolean, revision: Number, updatedAt: Date },
  { versionKey: false },
);
schema.index({ state: 1, _id: 1 });
schema.index({ psaCompanyId: 1 });

@Injectable()
export class AccountMappingRepository implements OnModuleInit {
  private readonly model: Model<AccountMappingDoc>;

  constructor(mongo: MongoConnection) {
    this.model = mongo.connection.model<AccountMappingDoc>('AccountMapping', schema, 'account_mappings');
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  // Every known Duo account has a mapping (unmapped at first); idempotent.
  async ensure(scope: { accountId: string }, now: Date): Promise<void> {
    await this.model
      .updateOne({ _id: scope.accountId }, { $setOnInsert: { state: 'unmapped', autoEligible: true, revision: 0, updatedAt: now } }, { upsert: true })
      .exec();
  }

  async get(scope: { accountId: string }): Promise<AccountMappingDoc | null> {
    return normalize(await this.model.findById(scope.accountId).lean<AccountMappingDoc>().exec());
  }

  // Conditional on the revision read, so two concurrent decisions cannot both apply.
  async transition(scope: { accountId: string }, revision: number, change: Pick<AccountMappingDoc, 'state' | 'psaCompanyId' | 'source' | 'autoEligible'>, now: Date): Promise<AccountMappingDoc | null> {
    return normalize(
      await this.model
        .findOneAndUpdate({ _id: scope.accountId, revision }, { $set: { ...change, updatedAt: now }, $inc: { revision: 1 } }, { returnDocument: 'after' })
        .lean<AccountMappingDoc>()
        .exec(),
    );
  }

  // Cross-tenant lists (the mapping screen).
  async list(state: MappingState | undefined, limit: number, cursor?: string): Promise<AccountMappingDoc[]> {
    const docs = await this.model
      .find({ ...(state ? { state } : {}), ...afterCondition(cursor, 1) })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<AccountMappingDoc[]>()
      .exec();
    return docs.map((d) => normalize(d) as AccountMappingDoc);
  }

  async byState(state: MappingState): Promise<AccountMappingDoc[]> {
    return (await this.model.find({ state }).lean<AccountMappingDoc[]>().exec()).map((d) => normalize(d) as AccountMappingDoc);
  }

  async countMapped(): Promise<number> {
    return this.model.countDocuments({ state: 'mapped' }).exec();
  }
}

function normalize(doc: AccountMappingDoc | null): AccountMappingDoc | null {
  return doc ? { ...doc, psaCompanyId: doc.psaCompanyId ?? null, source: doc.source ?? null } : null;
}
