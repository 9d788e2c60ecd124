import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { DUO_USER_STATUSES } from '@seatwise/shared/contracts/duo-records';
import { z } from 'zod';
import type { Scope } from './ids';
import { PackedByAccountRepository } from './packed-by-account.repository';
import { ServerTraits } from './server-traits';

// What an account's users list filters and sorts a user by, and its seat figures count (copied from the user
// document at every write).
const userRow = z.object({
  profileAt: z.number(),
  username: z.string(),
  realName: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(DUO_USER_STATUSES).nullable(),
  removedAt: z.number().nullable(),
  enrolled: z.boolean().nullable(),
  lastSeen: z.number(),
  lastSuccess: z.number(),
  lastDenial: z.number(),
  authCount: z.number(),
  serviceCount: z.number(),
});
export type UserRow = z.infer<typeof userRow>;

export interface AccountRows {
  accountId: string;
  entries: Map<string, UserRow>;
}

// The user document's fields a row is made from.
export interface RowSource {
  _id: string;
  accountId: string;
  username: string;
  profileAt: Date;
  realName?: string | null;
  email?: string | null;
  status?: UserRow['status'];
  removedAt?: Date | null;
  enrolled?: boolean;
  lastSeen: Date;
  lastSuccess: Date;
  lastDenial: Date;
  authCount: number;
  serviceCount: number;
}

// The most users an account's rows are kept for (about 250 bytes each, well under a document's 16 MB): the bound of
// the account lists' narrowing (AccountMembersRepository), past which the account's users are read by accountId. A
// larger account's users list and seat figures read its users.
const MAX_ROWS = 10_000;

// Each account's users as its users list filters and sorts them and its seat figures count them, packed (see
// PackedByAccountRepository; #19): the list reads one document and then the page's users by id, where reading every
// user of the account to sort them cost 0.28 ms each on FerretDB 1.24 (626 ms for a 2,237-user account); the seat
// figures, refreshed after every batch for each account it touched, read the rows instead of the users. Kept on
// FerretDB 1.x only: MongoDB answers both from its indexes. Put by UsersRepository after every write of users, by
// the account's owner (users snapshots and auth-log batches of an account are one replica's, under its write lock).
@Injectable()
export class UserRowsRepository extends PackedByAccountRepository<UserRow> {
  constructor(
    connection: MongoConnection,
    private readonly server: ServerTraits,
  ) {
    super(connection, 'user_rows', 'user-rows/1', userRow, MAX_ROWS);
  }

  // Whether rows are kept on this server.
  keeps(): Promise<boolean> {
    return this.server.isFerretdb1();
  }

  // `whole`: every user of the inventory (see putEntries).
  async put(users: Iterable<RowSource>, whole = false): Promise<void> {
    if (!(await this.keeps())) return;
    await this.putEntries(
      [...users].map((u) => ({ accountId: u.accountId, id: u._id, entry: rowOf(u) })),
      whole,
    );
  }

  // The account's rows by user id; null when none are kept (not FerretDB 1.x, or too many users). Rows a database
  // moved from FerretDB to MongoDB carries along are not read: nothing keeps them there.
  async rows(scope: Scope): Promise<Map<string, UserRow> | null> {
    return (await this.keeps()) ? this.entriesOfAccount(scope) : null;
  }

  // The rows of each account that has them kept (the others are absent from the map).
  async rowsOf(scopes: readonly Scope[]): Promise<Map<string, Map<string, UserRow>>> {
    return (await this.keeps()) ? this.entriesOfAccounts(scopes) : new Map();
  }

  // Every account's rows; `unkept`: the accounts whose rows are not kept (overflowed). Null when no rows are kept
  // on this server.
  async everyAccount(): Promise<{ rows: AsyncIterable<AccountRows>; unkept: () => Promise<string[]> } | null> {
    if (!(await this.keeps())) return null;
    return { rows: this.entriesOf({}), unkept: () => this.overflowed() };
  }
}

function rowOf(user: RowSource): UserRow {
  return {
    profileAt: user.profileAt.getTime(),
    username: user.username,
    realName: user.realName ?? null,
    email: user.email ?? null,
    status: user.status ?? null,
    removedAt: user.removedAt ? user.removedAt.getTime() : null,
    enrolled: user.enrolled ?? null,
    lastSeen: user.lastSeen.getTime(),
    lastSuccess: user.lastSuccess.getTime(),
    lastDenial: user.lastDenial.getTime(),
    authCount: user.authCount,
    serviceCount: user.serviceCount,
  };
}
