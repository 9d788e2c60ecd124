import { Injectable } from '@nestjs/common';
import { duplicateKeyIndexes } from '@seatwise/platform/db/duplicate-key';
import { findPage } from '@seatwise/platform/db/find-page';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import type { AlertDeliveryMode, DeliveryState } from '@seatwise/shared/contracts/alerts-views';
import type { Page } from '@seatwise/shared/contracts/page';
import { Schema } from 'mongoose';

export type NotificationKind = 'opened' | 'resolved' | 'digest';

// The outbox and the delivery log in one: a notification for one channel is written with the alert transition
// (its id is `<alert>.<transition>.<channel>`, so writing it twice is a duplicate key), then delivered, retried
// or failed by the dispatcher, and stays as the log entry.
export interface DeliveryDoc {
  _id: string;
  channelId: string;
  kind: NotificationKind;
  alertIds: string[];
  ruleId: string | null;
  mode: AlertDeliveryMode;
  state: DeliveryState;
  attempts: number;
  lastError: { code: string; detail: string; at: Date } | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  digestId: string | null;
  // A digest: the entries it carries (their alerts are `alertIds`).
  entryIds: string[];
  createdAt: Date;
}

const schema = new Schema<DeliveryDoc>(
  {
    _id: String,
    channelId: String,
    kind: String,
    alertIds: [String],
    ruleId: { type: String, default: null },
    mode: String,
    state: String,
    attempts: Number,
    lastError: { type: Schema.Types.Mixed, default: null },
    nextAttemptAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    digestId: { type: String, default: null },
    entryIds: [String],
    createdAt: Date,
  },
  { versionKey: false },
);
schema.index({ state: 1, nextAttemptAt: 1 });
schema.index({ ruleId: 1, channelId: 1, createdAt: -1 });
schema.index({ createdAt: -1 });

export interface DeliveryFilter {
  state?: DeliveryState | undefined;
  channelId?: string | undefined;
  alertId?: string | undefined;
}

@Injectable()
export class DeliveryRepository extends MongooseRepository<DeliveryDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AlertDelivery', collection: 'alert_deliveries', schema });
  }

  // Writes those not written yet (a replayed transition finds its notifications there already).
  async insertNew(docs: readonly DeliveryDoc[]): Promise<number> {
    if (docs.length === 0) return 0;
    try {
      await this.model.insertMany(docs, { ordered: false });
      return docs.length;
    } catch (error) {
      return docs.length - duplicateKeyIndexes(error).size;
    }
  }

  // Notifications sent at once whose attempt is due, oldest first.
  due(now: Date, limit: number): Promise<DeliveryDoc[]> {
    return this.findMany(
      { state: 'pending', mode: 'immediate', nextAttemptAt: { $lte: now } },
      { nextAttemptAt: 1, _id: 1 },
      limit,
    );
  }

  // Entries waiting for the digest of a channel, written before `before`.
  awaitingDigest(before: Date): Promise<DeliveryDoc[]> {
    return this.findMany({ state: 'pending', mode: 'digest', createdAt: { $lt: before } }, { createdAt: 1, _id: 1 });
  }

  // Immediate notifications of a rule to a channel written since `since` (throttling).
  async immediateSince(ruleId: string, channelId: string, since: Date): Promise<number> {
    return this.model.countDocuments({ ruleId, channelId, mode: 'immediate', createdAt: { $gte: since } }).exec();
  }

  async record(id: string, changes: Partial<DeliveryDoc>): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: changes }).exec();
  }

  async markDigested(ids: readonly string[], digestId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.model
      .updateMany(
        { _id: { $in: [...ids] }, state: 'pending' },
        { $set: { state: 'digested', digestId, nextAttemptAt: null } },
      )
      .exec();
  }

  // Every notification still pending for a channel that was disabled or deleted fails with the reason.
  async failPendingOf(channelId: string, error: { code: string; detail: string; at: Date }): Promise<void> {
    await this.model
      .updateMany({ channelId, state: 'pending' }, { $set: { state: 'failed', lastError: error, nextAttemptAt: null } })
      .exec();
  }

  page(filter: DeliveryFilter, limit: number, cursor: string | undefined): Promise<Page<DeliveryDoc>> {
    const base: Record<string, unknown> = {};
    if (filter.state) base['state'] = filter.state;
    if (filter.channelId) base['channelId'] = filter.channelId;
    if (filter.alertId) base['alertIds'] = filter.alertId;
    return findPage(this.finder(), base, { sort: '-createdAt', limit, cursor }, (doc) => doc);
  }
}
