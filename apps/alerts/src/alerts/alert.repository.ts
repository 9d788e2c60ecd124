import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { findPage } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { AlertRuleKind, AlertState } from '@seatwise/shared/contracts/alerts-views';
import type { Page } from '@seatwise/shared/contracts/page';
import { Schema } from 'mongoose';

export interface AlertDoc {
  _id: string;
  ruleId: string;
  ruleName: string;
  ruleKind: AlertRuleKind;
  conditionKey: string;
  accountId: string | null;
  state: AlertState;
  title: string;
  detail: string;
  facts: Record<string, string | number | boolean | null>;
  openedAt: Date;
  resolvedAt: Date | null;
  // Set once the opening's notifications are in the outbox: a re-evaluation of an open condition stops here.
  notified: boolean;
}

const schema = new Schema<AlertDoc>(
  {
    _id: String,
    ruleId: String,
    ruleName: String,
    ruleKind: String,
    conditionKey: String,
    accountId: { type: String, default: null },
    state: String,
    title: String,
    detail: String,
    facts: Schema.Types.Mixed,
    openedAt: Date,
    resolvedAt: { type: Date, default: null },
    notified: Boolean,
  },
  { versionKey: false, minimize: false },
);
schema.index({ state: 1 });
schema.index({ ruleId: 1 });

export interface AlertFilter {
  state?: AlertState | undefined;
  ruleId?: string | undefined;
  accountId?: string | undefined;
}

@Injectable()
export class AlertRepository extends MongooseRepository<AlertDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'Alert', collection: 'alerts', schema });
  }

  // false: it exists already (a replay of the same opening).
  async insertOnce(doc: AlertDoc): Promise<boolean> {
    try {
      await this.insert(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async markNotified(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { notified: true } }).exec();
  }

  // Conditional: only an open alert resolves. The caller holds the condition's serializer (see AlertTransitions).
  async resolve(id: string, at: Date, detail: string, facts: AlertDoc['facts']): Promise<void> {
    await this.model
      .updateOne({ _id: id, state: 'open' }, { $set: { state: 'resolved', resolvedAt: at, detail, facts } })
      .exec();
  }

  byIds(ids: readonly string[]): Promise<AlertDoc[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.findMany({ _id: { $in: [...ids] } });
  }

  openOfRule(ruleId: string): Promise<AlertDoc[]> {
    return this.findMany({ ruleId, state: 'open' });
  }

  page(filter: AlertFilter, limit: number, cursor: string | undefined): Promise<Page<AlertDoc>> {
    const base: Record<string, unknown> = {};
    if (filter.state) base['state'] = filter.state;
    if (filter.ruleId) base['ruleId'] = filter.ruleId;
    if (filter.accountId) base['accountId'] = filter.accountId;
    return findPage(this.finder(), base, { sort: '-_id', limit, cursor }, (doc) => doc);
  }
}
