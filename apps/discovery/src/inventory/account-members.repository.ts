import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { retriedOnDuplicate } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { Scope } from './ids';
import { ServerTraits } from './server-traits';

// What an account index lists: the _ids of the account's documents in one inventory.
export type MemberKind = 'users' | 'services';

// The most ids a read is narrowed to: the FerretDB patch's bound for an `_id $in` it answers from the index.
const MAX_NARROWING = 10_000;

interface MembersDoc {
  _id: string;
  kind: MemberKind;
  accountId: string;
  ids: string[];
}

export interface ListCount {
  kind: MemberKind;
  accountId: string;
  count: number;
}

export interface Member {
  accountId: string;
  id: string;
}

// An account's documents of one inventory, listed in one document keyed by `<kind>:<accountId>` (#19): FerretDB
// 1.24 scans the whole collection, every account's, for a filter on accountId, but reads by `_id` and `_id $in`
// from its index; an account's reads become one lookup here and one `_id $in` of the account's size. The list
// only grows, and ids are added before their documents are written: it may name a document a crash left
// unwritten (an `$in` miss), never miss one. Rebuilt from the inventory at every start (rebuild), which also
// restores an id lost to two writers of one list at once (FerretDB's updates are not isolated).
// Kept on FerretDB 1.x only: MongoDB reads an account by its accountId indexes (an `$in` of its ids is no faster).
@Injectable()
export class AccountMembersRepository extends NativeRepository<MembersDoc> {
  constructor(
    connection: MongoConnection,
    private readonly server: ServerTraits,
  ) {
    super(connection, 'account_members', []);
  }

  // Lists every document of the inventory not listed yet. Each account's ids are gathered first and only the missing
  // ones written: an add is linear in the list's length per id on either server, and most are listed already. Holds
  // every id of the inventory in memory meanwhile (about 100 bytes each).
  async rebuild(kind: MemberKind, docs: AsyncIterable<Member> | Iterable<Member>): Promise<void> {
    if (!(await this.server.isFerretdb1())) return;
    const all = new Map<string, string[]>();
    for await (const { accountId, id } of docs) {
      const ids = all.get(accountId);
      if (ids) ids.push(id);
      else all.set(accountId, [id]);
    }
    const listed = await this.idsOf(
      kind,
      [...all.keys()].map((accountId) => ({ accountId })),
    );
    const missing: Member[] = [];
    for (const [accountId, ids] of all) {
      const known = new Set(listed.get(accountId));
      for (const id of ids) if (!known.has(id)) missing.push({ accountId, id });
    }
    await this.add(kind, missing);
  }

  // The ids to confine a read of each account to, on a server where reading them by id beats its own filter on
  // accountId: FerretDB 1.x, up to the bound its patched `$in` answers from the index. null: filter as usual.
  async narrowings(kind: MemberKind, scopes: readonly Scope[]): Promise<Map<string, string[] | null>> {
    if (!(await this.server.isFerretdb1())) return new Map(scopes.map((s) => [s.accountId, null]));
    const lists = await this.idsOf(kind, scopes);
    return new Map([...lists].map(([accountId, ids]) => [accountId, ids.length <= MAX_NARROWING ? ids : null]));
  }

  async narrowing(kind: MemberKind, scope: Scope): Promise<string[] | null> {
    return (await this.narrowings(kind, [scope])).get(scope.accountId) ?? null;
  }

  // Adds the ids to their accounts' lists (one write per account; ids already listed are left).
  async add(kind: MemberKind, members: Iterable<Member>): Promise<void> {
    if (!(await this.server.isFerretdb1())) return;
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

  // How many ids each account lists, per inventory (FerretDB 1.x only: elsewhere nothing is listed). Reads every
  // list: the capacity check's, not a request's.
  async counts(): Promise<ListCount[]> {
    const counts: ListCount[] = [];
    for await (const doc of this.collection.find({})) {
      counts.push({ kind: doc.kind, accountId: doc.accountId, count: doc.ids.length });
    }
    return counts;
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

export const memberOf = (doc: { accountId: string; _id: string }): Member => ({
  accountId: doc.accountId,
  id: doc._id,
});
