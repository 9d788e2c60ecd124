import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import type { Page } from '@seatwise/shared/contracts/page';
import type { MAPPING_STATES } from '@seatwise/shared/contracts/reconcile-views';
import { type Model, Schema } from 'mongoose';
import { filledFinder, findFilled } from '../db/filled-find';

export type MappingState = (typeof MAPPING_STATES)[number];

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
  {
    _id: String,
    state: String,
    psaCompanyId: { type: String, default: null },
    source: { type: String, default: null },
    autoEligible: Boolean,
    revision: Number,
    updatedAt: Date,
  },
  { versionKey: false },
);
schema.index({ state: 1, _id: 1 });
schema.index({ psaCompanyId: 1 });

const DEFAULTS: Partial<AccountMappingDoc> = { psaCompanyId: null, source: null };

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
      .updateOne(
        { _id: scope.accountId },
        { $setOnInsert: { state: 'unmapped', autoEligible: true, revision: 0, updatedAt: now } },
        { upsert: true },
      )
      .exec();
  }

  async get(scope: { accountId: string }): Promise<AccountMappingDoc | null> {
    return fillAbsent(DEFAULTS, await this.model.findById(scope.accountId).lean<AccountMappingDoc>().exec());
  }

  // Conditional on the revision read, so two concurrent decisions cannot both apply.
  async transition(
    scope: { accountId: string },
    revision: number,
    change: Pick<AccountMappingDoc, 'state' | 'psaCompanyId' | 'source' | 'autoEligible'>,
    now: Date,
  ): Promise<AccountMappingDoc | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: scope.accountId, revision },
        { $set: { ...change, updatedAt: now }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean<AccountMappingDoc>()
      .exec();
    return fillAbsent(DEFAULTS, doc);
  }

  // Cross-tenant lists (the mapping screen), by account id.
  page<T>(
    query: { state?: MappingState | undefined } & Omit<PageRequest, 'sort'>,
    toView: (doc: AccountMappingDoc) => T,
  ): Promise<Page<T>> {
    const { state, limit, cursor } = query;
    return findPage(filledFinder(this.model, DEFAULTS), state ? { state } : {}, { limit, cursor, sort: '_id' }, toView);
  }

  byState(state: MappingState): Promise<AccountMappingDoc[]> {
    return findFilled(this.model, DEFAULTS, { state });
  }

  async countMapped(): Promise<number> {
    return this.model.countDocuments({ state: 'mapped' }).exec();
  }
}
