import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { retriedOnDuplicate } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { Scope } from './ids';

// What an account index lists: the _ids of the account's documents in one inventory.
export type MemberKind = 'users';

interface MembersDoc {
  _id: string;
  kind: MemberKind;
  accountId: string;
  ids: string[];
}

export interface Member {
  accountId: string;
  id: string;
}

// An account's documents of one inventory, listed in one document keyed by `<kind>:<accountId>` (#19): FerretDB
// 1.24 scans the whole collection, every account's, for a filter on accountId, but reads by `_id` and `_id $in`
// from its index; an account's reads become one lookup here and one `_id $in` of the account's size. The list
// only grows, and ids are added before their documents are written: it may name a document a crash left
// unwritten (an `$in` miss), never miss one. Rebuilt from the inventory at every start (see UsersRepository),
// which also restores an id lost to two writers of one list at once (FerretDB's updates are not isolated).
// One document holds about 400,000 ids under MongoDB's 16 MB.
@Injectable()
export class AccountMembersRepository extends NativeRepository<MembersDoc> {
  constructor(connection: MongoConnection) {
    super(connection, 'account_members', []);
  }

  // Adds the ids to their accounts' lists (one write per account; ids already listed are left).
  async add(kind: MemberKind, members: Iterable<Member>): Promise<void> {
    const byAccount = new Map<string, string[]>();
    for (const { accountId, id } of members) {
      const list = byAccount.get(accountId);
      if (list) list.push(id);
      else byAccount.set(accountId, [id]);
    }
    for (const [accountId, ids] of byAccount) {
      await retriedOnDuplicate(() =>
        this.collection.updateOne(
          { _id: keyOf(kind, accountId) },
          { $addToSet: { ids: { $each: ids } }, $setOnInsert: { kind, accountId } },
          { upsert: true },
        ),
      );
    }
  }

  // The listed ids of each account asked (none for an account without a list).
  async idsOf(kind: MemberKind, scopes: readonly Scope[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(scopes.map((s) => [s.accountId, []]));
    for (const chunk of chunks(scopes, 1_000)) {
      const keys = chunk.map((s) => keyOf(kind, s.accountId));
      for (const doc of await this.collection.find({ _id: { $in: keys } }).toArray()) found.set(doc.accountId, doc.ids);
    }
    return found;
  }
}

const keyOf = (kind: MemberKind, accountId: string): string => `${kind}:${accountId}`;
