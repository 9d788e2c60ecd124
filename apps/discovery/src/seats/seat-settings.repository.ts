import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import { UNUSED_AFTER_DAYS_DEFAULT } from '@seatwise/shared/contracts/discovery-views';
import type { Scope } from '../inventory/ids';

interface SeatSettingsDoc {
  _id: string;
  unusedAfterDays: number;
  actor: string;
  note: string | null;
  updatedAt: Date;
}

// Per-account seat settings (after how many days without a successful authentication a seat is unused);
// an account without a document has the default.
@Injectable()
export class SeatSettingsRepository extends NativeRepository<SeatSettingsDoc> {
  constructor(connection: MongoConnection) {
    super(connection, 'seat_settings', []);
  }

  async unusedAfterDays(scope: Scope): Promise<number> {
    return (await this.collection.findOne({ _id: scope.accountId }))?.unusedAfterDays ?? UNUSED_AFTER_DAYS_DEFAULT;
  }

  // The setting of each account asked, in one read.
  async unusedAfterDaysOf(scopes: readonly Scope[]): Promise<Map<string, number>> {
    const days = new Map(scopes.map((s) => [s.accountId, UNUSED_AFTER_DAYS_DEFAULT]));
    const docs = await this.collection.find({ _id: { $in: [...days.keys()] } }).toArray();
    for (const doc of docs) days.set(doc._id, doc.unusedAfterDays);
    return days;
  }

  // Every account's setting, from the few accounts that changed it.
  async unusedAfterDaysOfAll(): Promise<(accountId: string) => number> {
    const custom = new Map((await this.collection.find({}).toArray()).map((d) => [d._id, d.unusedAfterDays]));
    return (accountId) => custom.get(accountId) ?? UNUSED_AFTER_DAYS_DEFAULT;
  }

  async set(scope: Scope, unusedAfterDays: number, actor: string, note: string | null, at: Date): Promise<void> {
    await this.collection.replaceOne(
      { _id: scope.accountId },
      { unusedAfterDays, actor, note, updatedAt: at },
      { upsert: true },
    );
  }
}
