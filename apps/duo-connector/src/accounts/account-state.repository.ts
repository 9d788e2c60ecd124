import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { WriteClaims } from '@seatwise/platform/db/write-claims';
import { type AccountKey, accountKeyId } from './account-key';
import { type AccountSeen, type AccountStateDoc, accountStateSchema, NEW_ACCOUNT } from './account-state';

type AccountChanges = Partial<Omit<AccountStateDoc, '_id' | 'integrationId' | 'accountId' | 'logCursor' | 'logFence'>>;
type LogCursor = [string, string];

// A cursor write takes milliseconds; a claim this old was left by a replica killed mid-write (#18), and must not
// hold up the replica that took its account over for long.
export const CURSOR_CLAIM_STALE_MS = 5_000;

@Injectable()
export class AccountStateRepository extends MongooseRepository<AccountStateDoc> {
  // Writes to one account's row go one at a time: FerretDB 1.24 can lose one of two concurrent updates
  // of different fields of a document (seen as a vanishing seats count), which MongoDB never does.
  private readonly writes = new KeyedSerializer();

  private readonly cursorClaims: WriteClaims;

  constructor(mongo: MongoConnection) {
    // Reads fill absent fields from NEW_ACCOUNT (see there).
    super(mongo, { model: 'AccountState', collection: 'accounts', schema: accountStateSchema, defaults: NEW_ACCOUNT });
    this.cursorClaims = new WriteClaims(mongo, 'log_cursor_claims', CURSOR_CLAIM_STALE_MS);
  }

  // Creates the account on first sight (with its backfill start) and refreshes name/host after.
  async upsertSeen(key: AccountKey, seen: AccountSeen, logMintime: number): Promise<AccountStateDoc> {
    return this.writes.run(accountKeyId(key), async () => {
      try {
        return await this.upsertOnce(key, seen, logMintime);
      } catch (error) {
        // Two processes can race to insert a new account; the loser finds the winner's row.
        if (!isDuplicateKey(error)) throw error;
        return this.upsertOnce(key, seen, logMintime);
      }
    });
  }

  private async upsertOnce(key: AccountKey, seen: AccountSeen, logMintime: number): Promise<AccountStateDoc> {
    // An account listed as it was stored is not written again: every listing would otherwise rewrite every row, and
    // on FerretDB 1.24 such a write beside the lease holder's (another replica's) can lose that one's fields.
    const stored = await this.get(key);
    if (stored && isAsSeen(stored, seen)) return stored;
    const doc = await this.model
      .findOneAndUpdate(
        { _id: accountKeyId(key) },
        {
          $set: { name: seen.name, apiHostname: seen.apiHostname, child: seen.child, removedAt: null },
          $setOnInsert: { ...key, ...NEW_ACCOUNT, logMintime },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<AccountStateDoc>()
      .exec();
    // An upsert always returns its row (filled() is typed for a find that may miss).
    return fillAbsent(NEW_ACCOUNT, doc);
  }

  get(key: AccountKey): Promise<AccountStateDoc | null> {
    return this.findById(accountKeyId(key));
  }

  listActive(integrationId?: string): Promise<AccountStateDoc[]> {
    return this.list({ removedAt: null, ...(integrationId ? { integrationId } : {}) });
  }

  listAll(integrationId?: string): Promise<AccountStateDoc[]> {
    return this.list(integrationId ? { integrationId } : {});
  }

  private list(filter: { removedAt?: null; integrationId?: string }): Promise<AccountStateDoc[]> {
    return this.findMany(filter, { integrationId: 1, accountId: 1 });
  }

  async update(key: AccountKey, changes: AccountChanges): Promise<void> {
    await this.writes.run(accountKeyId(key), () =>
      this.model.updateOne({ _id: accountKeyId(key) }, { $set: changes }).exec(),
    );
  }

  // Moves the auth-log cursor from `from` to `to` only if it is still at `from`: a replica that read the cursor
  // before another moved it cannot move it back (#18). False when it had moved. The claim on `<account>@<from>`
  // makes the compare-and-set atomic on FerretDB too (WriteClaims). `fence` is the writer's lease token: once a
  // holder with a newer token has moved the cursor, no older holder can, whatever cursor it read. null: another
  // writer holds the claim (try again shortly).
  async advanceLogCursor(
    key: AccountKey,
    from: LogCursor | null,
    to: LogCursor,
    fence: number,
  ): Promise<boolean | null> {
    const claim = `${accountKeyId(key)}@${from === null ? 'start' : from.join('/')}`;
    // In the account's write order too, like every write of this replica to the row: on FerretDB a cursor write
    // beside the users job's seats write lost the seats.
    return this.writes.run(accountKeyId(key), () =>
      this.cursorClaims.holding(claim, async () => {
        // $not $gt also matches a row written before fencing (no logFence yet).
        const filter = { _id: accountKeyId(key), logCursor: from, logFence: { $not: { $gt: fence } } };
        const update = { $set: { logCursor: to, logFence: fence } };
        return (await this.model.updateOne(filter, update).exec()).matchedCount === 1;
      }),
    );
  }

  // Sets the status fields and, when `bump`, increments the revision atomically; returns the row after.
  async updateStatus(key: AccountKey, changes: AccountChanges, bump: boolean): Promise<AccountStateDoc | null> {
    return this.writes.run(accountKeyId(key), () =>
      this.updateAndRead({ _id: accountKeyId(key) }, { $set: changes, $inc: { statusRevision: bump ? 1 : 0 } }),
    );
  }

  async markRemoved(key: AccountKey, at: Date): Promise<void> {
    await this.writes.run(accountKeyId(key), () =>
      this.model.updateOne({ _id: accountKeyId(key), removedAt: null }, { $set: { removedAt: at } }).exec(),
    );
  }

  async deleteIntegration(integrationId: string): Promise<void> {
    await this.model.deleteMany({ integrationId }).exec();
  }
}

function isAsSeen(stored: AccountStateDoc, seen: AccountSeen): boolean {
  return (
    stored.removedAt === null &&
    stored.name === seen.name &&
    stored.apiHostname === seen.apiHostname &&
    stored.child === seen.child
  );
}
