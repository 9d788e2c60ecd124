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

  async set(scope: Scope, unusedAfterDays: number, actor: string, note: string | null, at: Date): Promise<void> {
    await this.collection.replaceOne(
      { _id: scope.accountId },
      { unusedAfterDays, actor, note, updatedAt: at },
      { upsert: true },
    );
  }
}
