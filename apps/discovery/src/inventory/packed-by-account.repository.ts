import { chunks } from '@seatwise/platform/db/chunks';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import type { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { z } from 'zod';
import type { AccountsScope } from './account-counts';
import type { Scope } from './ids';

// A packed entry: flat, of plain values (compared field by field).
export type PackedEntry = Record<string, string | number | boolean | null>;

export interface PackedFor<T> {
  accountId: string;
  id: string;
  entry: T;
}

export interface PackedDoc {
  _id: string;
  version: number;
  // The entries' format (the repository's name and version): a document of another format (written by another
  // version of Seatwise) is read as if absent, left by partial writes and replaced by the next whole one (a start's).
  format?: string;
  packed: string;
  // More entries than the repository keeps for one account: none are kept (packed is empty), and readers read the
  // documents themselves.
  overflow?: boolean;
}

// A write that lost its compare-and-set to another writer of the account this many times in a row gives up.
const MAX_TRIES = 20;

// One document per account holding an entry per document of an inventory, packed as one JSON string keyed by the
// document's id, and a version each write moves on (#19). FerretDB 1.24 decodes stored documents value by value:
// measured, 3,826 services' six summary fields across 200 accounts cost 1.8–2.2 s to read as documents, 0.4–0.6 s as
// one object per account, 34–47 ms packed. Entries are copies of their documents' fields, put after every write of
// them: a crash in between leaves an account's entries behind until the documents' next write or the next start's
// rebuild (the owner's job). Each account's entries are replaced under a compare-and-set on its version; FerretDB
// 1.24 does not isolate that compare from the write, so two replicas writing one account's documents at once can
// lose one entry until then.
export abstract class PackedByAccountRepository<T extends PackedEntry> extends NativeRepository<PackedDoc> {
  protected constructor(
    connection: MongoConnection,
    name: string,
    private readonly format: string,
    private readonly schema: z.ZodType<T>,
    // Past this many entries an account's are dropped and it is marked overflowed (a document stays under 16 MB).
    private readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {
    super(connection, name, []);
  }

  // Sets the given entries, each account's in one write (none where they are as stored). `whole`: they are all the
  // inventory's (a start's or a re-derivation's pass), so they also replace an account's overflowed or foreign entries.
  async putEntries(entries: Iterable<PackedFor<T>>, whole = false): Promise<void> {
    const byAccount = new Map<string, Map<string, T>>();
    for (const { accountId, id, entry } of entries) {
      const account = byAccount.get(accountId) ?? new Map<string, T>();
      account.set(id, entry);
      byAccount.set(accountId, account);
    }
    for (const accounts of chunks([...byAccount.keys()], 1_000)) {
      const stored = await this.stored(accounts);
      for (const accountId of accounts) {
        const changes = byAccount.get(accountId) ?? new Map<string, T>();
        await this.merge(accountId, stored.get(accountId) ?? null, changes, whole);
      }
    }
  }

  // The entries of one account, or of every account with any (an overflowed account's are not kept).
  async *entriesOf(scope: AccountsScope): AsyncGenerator<{ accountId: string; entries: Map<string, T> }> {
    const filter = scope.accountId === undefined ? {} : { _id: scope.accountId };
    for await (const doc of this.collection.find(filter)) {
      if (this.kept(doc)) yield { accountId: doc._id, entries: this.unpack(doc) };
    }
  }

  // The entries of each account that has them kept (the others are absent from the map).
  async entriesOfAccounts(scopes: readonly Scope[]): Promise<Map<string, Map<string, T>>> {
    const found = new Map<string, Map<string, T>>();
    for (const chunk of chunks(scopes, 1_000)) {
      for (const doc of await this.collection.find({ _id: { $in: chunk.map((s) => s.accountId) } }).toArray()) {
        if (this.kept(doc)) found.set(doc._id, this.unpack(doc));
      }
    }
    return found;
  }

  // The accounts marked overflowed (FerretDB scans for this filter: a cross-account pass's, once).
  async overflowed(): Promise<string[]> {
    const docs = await this.collection.find({ overflow: true }, { projection: { _id: 1 } }).toArray();
    return docs.map((doc) => doc._id);
  }

  // One account's entries; null when none are kept for it (none stored, or overflowed).
  async entriesOfAccount(scope: Scope): Promise<Map<string, T> | null> {
    const doc = await this.collection.findOne({ _id: scope.accountId });
    return doc && this.kept(doc) ? this.unpack(doc) : null;
  }

  // The accounts' documents as stored now (another writer may change them before this one writes).
  protected async stored(accountIds: string[]): Promise<Map<string, PackedDoc>> {
    const docs = await this.collection.find({ _id: { $in: accountIds } }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  // The account's entries with `changes` applied, unless they hold them already.
  private async merge(
    accountId: string,
    first: PackedDoc | null,
    changes: Map<string, T>,
    whole: boolean,
  ): Promise<void> {
    let doc = first;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const kept = doc === null || this.kept(doc);
      if (!kept && !whole) return;
      const stored = doc && kept ? this.unpack(doc) : new Map<string, T>();
      if (doc && kept && [...changes].every(([id, entry]) => sameEntry(stored.get(id), entry))) return;
      if (await this.written(accountId, doc, new Map([...stored, ...changes]))) return;
      doc = await this.collection.findOne({ _id: accountId });
    }
    throw new Error(`${this.collection.collectionName} of account ${accountId}: ${MAX_TRIES} writes lost in a row`);
  }

  // false: another writer changed the account's entries since `doc` was read.
  private async written(accountId: string, doc: PackedDoc | null, entries: Map<string, T>): Promise<boolean> {
    const overflow = entries.size > this.maxEntries;
    const packed = overflow ? '{}' : JSON.stringify(Object.fromEntries(entries));
    if (!doc) {
      try {
        const fresh = { _id: accountId, version: 1, format: this.format, packed };
        await this.collection.insertOne({ ...fresh, ...(overflow ? { overflow } : {}) });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await this.collection.updateOne(
      { _id: accountId, version: doc.version },
      { $set: { packed, format: this.format, version: doc.version + 1, overflow } },
    );
    return result.matchedCount === 1;
  }

  // Entries of this format, not overflowed.
  private kept(doc: PackedDoc): boolean {
    return doc.format === this.format && doc.overflow !== true;
  }

  // A stored document this code did not write (edited by hand, or by a newer version) fails loudly here.
  private unpack(doc: PackedDoc): Map<string, T> {
    const what = `${this.collection.collectionName} of account ${doc._id}`;
    let json: unknown;
    try {
      json = JSON.parse(doc.packed);
    } catch (error) {
      throw new Error(`${what} are not JSON`, { cause: error });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${what} are not an object`);
    const entries = new Map<string, T>();
    for (const [id, raw] of Object.entries(json)) {
      const parsed = this.schema.safeParse(raw);
      if (!parsed.success) throw new Error(`${what} are malformed at ${id}: ${parsed.error.message}`);
      entries.set(id, parsed.data);
    }
    return entries;
  }
}

function sameEntry(a: PackedEntry | undefined, b: PackedEntry): boolean {
  if (a === undefined) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}
