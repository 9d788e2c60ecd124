import { Injectable } from '@nestjs/common';
import { findPage, type PageRequest } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { Page } from '@seatwise/shared/contracts/page';
import type { MAPPING_STATES } from '@seatwise/shared/contracts/reconcile-views';
import { Schema } from 'mongoose';

export type MappingState = (typeof MAPPING_STATES)[number];

export interface AccountMappingDoc {
  _id: string; // Duo account id
  state: MappingState;
  psaCompanyId: string | null;
  // The company's agreement new lines go on, when a person chose one (else the default rule decides).
  agreementId: string | null;
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
    agreementId: { type: String, default: null },
    source: { type: String, default: null },
    autoEligible: Boolean,
    revision: Number,
    updatedAt: Date,
  },
  { versionKey: false },
);
schema.index({ state: 1, _id: 1 });
schema.index({ psaCompanyId: 1 });

const DEFAULTS: Partial<AccountMappingDoc> = { psaCompanyId: null, agreementId: null, source: null };

@Injectable()
export class AccountMappingRepository extends MongooseRepository<AccountMappingDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AccountMapping', collection: 'account_mappings', schema, defaults: DEFAULTS });
  }

  // Every known Duo account has a mapping (unmapped at first); idempotent. An insert that finds the mapping there
  // changes nothing (and, unlike a read of a missing _id, never reads the whole collection on FerretDB 1.24).
  // true when this call created it: the account is new to reconcile.
  ensure(scope: { accountId: string }, now: Date): Promise<boolean> {
    return this.insertIfAbsent({
      _id: scope.accountId,
      state: 'unmapped',
      psaCompanyId: null,
      agreementId: null,
      source: null,
      autoEligible: true,
      revision: 0,
      updatedAt: now,
    });
  }

  get(scope: { accountId: string }): Promise<AccountMappingDoc | null> {
    return this.findById(scope.accountId);
  }

  // Conditional on the revision read, so two concurrent decisions cannot both apply.
  async transition(
    scope: { accountId: string },
    revision: number,
    change: Pick<AccountMappingDoc, 'state' | 'psaCompanyId' | 'source' | 'autoEligible'> &
      Partial<Pick<AccountMappingDoc, 'agreementId'>>,
    now: Date,
  ): Promise<AccountMappingDoc | null> {
    const update = { $set: { ...change, updatedAt: now }, $inc: { revision: 1 } };
    return this.updateAndRead({ _id: scope.accountId, revision }, update);
  }

  // Cross-tenant lists (the mapping screen), by account id.
  page<T>(
    query: { state?: MappingState | undefined } & Omit<PageRequest, 'sort'>,
    toView: (doc: AccountMappingDoc) => T,
  ): Promise<Page<T>> {
    const { state, limit, cursor } = query;
    return findPage(this.finder(), state ? { state } : {}, { limit, cursor, sort: '_id' }, toView);
  }

  byState(state: MappingState): Promise<AccountMappingDoc[]> {
    return this.findMany({ state });
  }

  async countMapped(): Promise<number> {
    return this.model.countDocuments({ state: 'mapped' }).exec();
  }

  // Stops at the first mapped document (a count reads them all).
  async anyMapped(): Promise<boolean> {
    return (await this.model.findOne({ state: 'mapped' }, { _id: 1 }).lean().exec()) !== null;
  }
}
