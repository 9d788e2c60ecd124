import { Injectable } from '@nestjs/common';
import { findPage } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { AlertDeliveryMode, AlertRuleCondition, AlertRuleKind } from '@seatwise/shared/contracts/alerts-views';
import type { Page } from '@seatwise/shared/contracts/page';
import { Schema } from 'mongoose';

export interface RuleDoc {
  _id: string;
  name: string;
  // Stored flat beside the condition so rules of a kind are found by index.
  kind: AlertRuleKind;
  condition: AlertRuleCondition;
  accountId: string | null;
  channelIds: string[];
  enabled: boolean;
  delivery: AlertDeliveryMode;
  throttleMinutes: number | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  updatedBy: string;
}

const schema = new Schema<RuleDoc>(
  {
    _id: String,
    name: String,
    kind: String,
    condition: { type: Schema.Types.Mixed },
    accountId: { type: String, default: null },
    channelIds: [String],
    enabled: Boolean,
    delivery: String,
    throttleMinutes: { type: Number, default: null },
    createdAt: Date,
    updatedAt: Date,
    createdBy: String,
    updatedBy: String,
  },
  { versionKey: false },
);
schema.index({ kind: 1, enabled: 1 });

export interface RuleFilter {
  kind?: AlertRuleKind | undefined;
  accountId?: string | undefined;
}

@Injectable()
export class RuleRepository extends MongooseRepository<RuleDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AlertRule', collection: 'alert_rules', schema });
  }

  // The enabled rules of these kinds that watch this account (account null: rules of every account only).
  enabledOf(kinds: readonly AlertRuleKind[]): Promise<RuleDoc[]> {
    return this.findMany({ kind: { $in: [...kinds] }, enabled: true });
  }

  page(filter: RuleFilter, limit: number, cursor: string | undefined): Promise<Page<RuleDoc>> {
    const base: Record<string, unknown> = {};
    if (filter.kind) base['kind'] = filter.kind;
    if (filter.accountId) base['accountId'] = filter.accountId;
    return findPage(this.finder(), base, { sort: '_id', limit, cursor }, (doc) => doc);
  }

  async replace(doc: RuleDoc): Promise<RuleDoc | null> {
    return this.updateAndRead({ _id: doc._id }, { $set: doc });
  }
}
