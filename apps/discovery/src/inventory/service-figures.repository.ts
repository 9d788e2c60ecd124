import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import { SERVICE_STATUSES, type ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import { z } from 'zod';
import type { AccountsScope } from './account-counts';

// What the account summary counts of one service (copied from the service document at every write).
export interface ServiceFigure {
  status: ServiceStatus;
  matched: boolean;
  firstSeen: Date;
  lastSeen: Date;
  authCount: number;
}

// The service document's fields a figure is made from.
export interface FigureSource {
  _id: string;
  accountId: string;
  status: ServiceStatus;
  catalog: unknown;
  firstSeen: Date;
  lastSeen: Date;
  authCount: number;
}

export interface AccountFigures {
  accountId: string;
  figures: ServiceFigure[];
}

// One document per account: its services' figures packed as one JSON string keyed by service id, and a version
// each write moves on. FerretDB 1.24 decodes stored documents value by value (measured, 3,826 services across 200
// accounts: 1.8–2.2 s to read their six summary fields as documents, 0.4–0.6 s as one object per account, 34–47 ms
// packed); the packed figures keep the account summary (the console's overview) off the services collection (#19).
export interface FiguresDoc {
  _id: string;
  version: number;
  packed: string;
}

const packedFigure = z.object({
  status: z.enum(SERVICE_STATUSES),
  matched: z.boolean(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  authCount: z.number(),
});
const packedFigures = z.record(z.string(), packedFigure);
type PackedFigure = z.infer<typeof packedFigure>;

// A write that lost its compare-and-set to another writer of the account this many times in a row gives up.
const MAX_TRIES = 20;

// Written after the services themselves, by every write of them (a batch's, a curation's, a re-derivation's): a
// crash in between leaves an account's figures behind its services until the batch's redo, the service's next
// write or the next start (which puts every service's figures). Each account's figures are replaced under a compare-and-set on its version;
// FerretDB 1.24 does not isolate that compare from the write, so two replicas writing one account's services at
// once (a curation beside the batch of the account's owner) can lose one figure until then.
@Injectable()
export class ServiceFiguresRepository extends NativeRepository<FiguresDoc> {
  constructor(connection: MongoConnection) {
    super(connection, 'service_figures', []);
  }

  // Sets the figures of the given services, each account's in one write (none where they are as stored).
  async put(services: Iterable<FigureSource>): Promise<void> {
    const byAccount = new Map<string, Map<string, PackedFigure>>();
    for (const service of services) {
      const figures = byAccount.get(service.accountId) ?? new Map<string, PackedFigure>();
      figures.set(service._id, packedOf(service));
      byAccount.set(service.accountId, figures);
    }
    for (const accounts of chunks([...byAccount.keys()], 1_000)) {
      const stored = await this.stored(accounts);
      for (const accountId of accounts) {
        await this.merge(
          accountId,
          stored.get(accountId) ?? null,
          byAccount.get(accountId) ?? new Map<string, PackedFigure>(),
        );
      }
    }
  }

  // The accounts' documents as stored now (another writer may change them before this one writes).
  protected async stored(accountIds: string[]): Promise<Map<string, FiguresDoc>> {
    const docs = await this.collection.find({ _id: { $in: accountIds } }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  // The figures of one account, or of every account with services.
  async *of(scope: AccountsScope): AsyncGenerator<AccountFigures> {
    const filter = scope.accountId === undefined ? {} : { _id: scope.accountId };
    for await (const doc of this.collection.find(filter)) {
      yield { accountId: doc._id, figures: [...unpack(doc).values()].map(figureOf) };
    }
  }

  // The account's figures with `changes` applied, unless they hold them already.
  private async merge(accountId: string, first: FiguresDoc | null, changes: Map<string, PackedFigure>): Promise<void> {
    let doc = first;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const stored = doc ? unpack(doc) : new Map<string, PackedFigure>();
      if (doc && [...changes].every(([id, figure]) => sameFigure(stored.get(id), figure))) return;
      if (await this.written(accountId, doc, new Map([...stored, ...changes]))) return;
      doc = await this.collection.findOne({ _id: accountId });
    }
    throw new Error(`Service figures of account ${accountId}: ${MAX_TRIES} writes lost to other writers in a row`);
  }

  // false: another writer changed the account's figures since `doc` was read.
  private async written(
    accountId: string,
    doc: FiguresDoc | null,
    figures: Map<string, PackedFigure>,
  ): Promise<boolean> {
    const packed = JSON.stringify(Object.fromEntries(figures));
    if (!doc) {
      try {
        await this.collection.insertOne({ _id: accountId, version: 1, packed });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await this.collection.updateOne(
      { _id: accountId, version: doc.version },
      { $set: { packed, version: doc.version + 1 } },
    );
    return result.matchedCount === 1;
  }
}

function packedOf(service: FigureSource): PackedFigure {
  return {
    status: service.status,
    matched: service.catalog !== null,
    firstSeen: service.firstSeen.getTime(),
    lastSeen: service.lastSeen.getTime(),
    authCount: service.authCount,
  };
}

function figureOf(packed: PackedFigure): ServiceFigure {
  return { ...packed, firstSeen: new Date(packed.firstSeen), lastSeen: new Date(packed.lastSeen) };
}

// A stored document this code did not write (edited by hand, or by a newer version) fails loudly here.
function unpack(doc: FiguresDoc): Map<string, PackedFigure> {
  let json: unknown;
  try {
    json = JSON.parse(doc.packed);
  } catch (error) {
    throw new Error(`Service figures of account ${doc._id} are not JSON`, { cause: error });
  }
  const parsed = packedFigures.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Service figures of account ${doc._id} are malformed: ${parsed.error.message}`);
  }
  return new Map(Object.entries(parsed.data));
}

function sameFigure(a: PackedFigure | undefined, b: PackedFigure): boolean {
  return (
    a !== undefined &&
    a.status === b.status &&
    a.matched === b.matched &&
    a.firstSeen === b.firstSeen &&
    a.lastSeen === b.lastSeen &&
    a.authCount === b.authCount
  );
}
