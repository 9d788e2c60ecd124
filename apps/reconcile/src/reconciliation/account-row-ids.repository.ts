import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

interface AccountRowIdsDoc {
  _id: string; // a Duo account id, or BACKFILLED
  rowIds: string[];
}

const schema = new Schema<AccountRowIdsDoc>({ _id: String, rowIds: [String] }, { versionKey: false });

// Marks that every row stored before this index existed has been entered (once).
const BACKFILLED = '\u0000backfilled';

// Which rows an account has, as one document per account read by _id: every recompute asks, and FerretDB 1.24
// answers `{accountId}` on reconciliation_rows by reading every account's rows (920 ms at 6,000 rows, for each of
// them). A row is entered before it is inserted and left after it is deleted, so a list is never short; an entry
// without a row (a crash in between) only costs its reader a miss.
@Injectable()
export class AccountRowIdsRepository extends MongooseRepository<AccountRowIdsDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'AccountRowIds', collection: 'account_row_ids', schema });
  }

  // The account's document is created first (an insert is keyed on every server), so the read that follows finds
  // it: on FerretDB 1.24 a read of an _id that does not exist reads the whole collection.
  async of(scope: { accountId: string }): Promise<string[]> {
    await this.insertIfAbsent({ _id: scope.accountId, rowIds: [] });
    return (await this.findById(scope.accountId))?.rowIds ?? [];
  }

  async add(scope: { accountId: string }, rowId: string): Promise<void> {
    if (await this.insertIfAbsent({ _id: scope.accountId, rowIds: [rowId] })) return;
    await this.model.updateOne({ _id: scope.accountId }, { $addToSet: { rowIds: rowId } }).exec();
  }

  async remove(scope: { accountId: string }, rowIds: string[]): Promise<void> {
    if (rowIds.length === 0) return;
    await this.model.updateOne({ _id: scope.accountId }, { $pullAll: { rowIds } }).exec();
  }

  async backfilled(): Promise<boolean> {
    return (await this.findById(BACKFILLED)) !== null;
  }

  async markBackfilled(): Promise<void> {
    await this.insertIfAbsent({ _id: BACKFILLED, rowIds: [] });
  }
}
