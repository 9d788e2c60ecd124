import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { duplicateKeyIndexes, isDuplicateKey } from '@seatwise/platform/db/duplicate-key';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { ensureIndexes, nativeDb } from '@seatwise/platform/db/native-db';
import { mongo } from 'mongoose';
import type { Holder } from '../ownership/ingest-ownership';
import type { AuthFact, Outcome } from './auth-fact';
import type { RedoEntry } from './redo-entry';
import { packRedo, unpackRedo } from './redo-pack';

interface CounterDoc {
  _id: string;
  seq: number;
}

// applying: facts stored, inventories not touched yet (or the redo log is incomplete);
// redo: the redo log holds every document the batch writes; applied: done.
export type BatchState = 'applying' | 'redo' | 'applied';

// Who applies a batch (#18): the holder of its accounts' partition, with the lease's fencing token. Batches
// journaled before partitions have none (a single replica wrote them).
interface BatchDoc extends Partial<Holder> {
  _id: number;
  state: BatchState;
  startedAt: Date;
}

export interface UnfinishedBatch extends Partial<Holder> {
  batch: number;
  startedAt: Date;
  state: BatchState;
}

// Concurrent replicas may draw the same number (FerretDB 1.24 does not isolate $inc); the batch document's insert
// decides, and the loser draws again.
const BEGIN_ATTEMPTS = 10;

// The redo log holds packs of entries (see redo-pack); a version before packs stored one document per entry, and a
// batch it left unfinished is still finished from those.
type RedoDoc = { _id: string; batch: number } & ({ pack: mongo.Binary } | RedoEntry);
// Facts stored before fraud was told apart from denied carry 'denial' (see factsOf).
type StoredFact = Omit<AuthFact, 'outcome' | 'eventType' | 'reason'> & {
  outcome: Outcome | 'denial';
  eventType?: string;
  reason?: string | null;
  batch: number;
};

// The journal that makes ingestion crash-safe without transactions. Each batch gets the next number;
// its new facts are stored under it (a fact's _id is account + txid, so a redelivered record is a
// rejected duplicate and counts nothing); the documents it will write are stored in a redo log
// before any inventory is touched; the inventories are then rewritten from the log (idempotent).
// A crash before the log is complete re-computes from the facts; after, it replays the log.
@Injectable()
export class JournalRepository implements OnModuleInit {
  private readonly counters: mongo.Collection<CounterDoc>;
  private readonly batches: mongo.Collection<BatchDoc>;
  private readonly facts: mongo.Collection<StoredFact>;
  private readonly redo: mongo.Collection<RedoDoc>;

  constructor(connection: MongoConnection) {
    const db = nativeDb(connection);
    this.counters = db.collection('counters');
    this.batches = db.collection('batches');
    this.facts = db.collection('auth_facts');
    this.redo = db.collection('redo_log');
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.facts, [{ batch: 1 }]);
    await ensureIndexes(this.batches, [{ state: 1 }]);
    await ensureIndexes(this.redo, [{ batch: 1 }]);
  }

  async begin(startedAt: Date, holder: Holder): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const counter = await this.counters.findOneAndUpdate(
          { _id: 'batch' },
          { $inc: { seq: 1 } },
          { upsert: true, returnDocument: 'after' },
        );
        if (!counter) throw new Error('batch counter upsert returned nothing');
        await this.batches.insertOne({ _id: counter.seq, state: 'applying', startedAt, ...holder });
        return counter.seq;
      } catch (error) {
        // Two first upserts of the counter, or one number drawn twice.
        if (!isDuplicateKey(error) || attempt >= BEGIN_ATTEMPTS) throw error;
      }
    }
  }

  // A batch its previous holder left unfinished is now finished under the new holder's lease.
  async takeOver(batch: number, holder: Holder): Promise<void> {
    await this.batches.updateOne({ _id: batch }, { $set: { ...holder } });
  }

  // Stores the facts under the batch; returns the ones not seen before (the others are duplicates).
  async insertNew(batch: number, facts: readonly AuthFact[]): Promise<AuthFact[]> {
    if (facts.length === 0) return [];
    try {
      await this.facts.insertMany(
        facts.map((fact) => ({ ...fact, batch })),
        { ordered: false },
      );
      return [...facts];
    } catch (error) {
      // A duplicate is a fact a previous batch stored (anything else is rethrown).
      const duplicates = duplicateKeyIndexes(error);
      return facts.filter((_, index) => !duplicates.has(index));
    }
  }

  async unfinished(): Promise<UnfinishedBatch[]> {
    const docs = await this.batches
      .find({ state: { $ne: 'applied' } })
      .sort({ _id: 1 })
      .toArray();
    return docs.map(({ _id, ...doc }) => ({ batch: _id, ...doc }));
  }

  async factsOf(batch: number): Promise<AuthFact[]> {
    const docs = await this.facts.find({ batch }).toArray();
    // A batch left unfinished by a version that stored 'denial' is finished as denied (not fraud).
    // Facts journaled before event types and reasons were kept count as authentications without a reason.
    return docs.map(({ batch: _batch, outcome, ...fact }) => ({
      ...fact,
      eventType: fact.eventType ?? 'authentication',
      reason: fact.reason ?? null,
      outcome: outcome === 'denial' ? 'denied' : outcome,
    }));
  }

  // Writes the batch's redo log; once this resolves the batch can always be finished from it.
  // A save cut short left some of the same packs: deleted first.
  async saveRedo(batch: number, entries: readonly RedoEntry[]): Promise<void> {
    await this.deleteRedo(batch);
    const packs = packRedo(entries).map((pack, n) => ({
      _id: `${batch}:redo:${n}`,
      batch,
      pack: new mongo.Binary(pack),
    }));
    for (const chunk of chunks(packs, 4)) await this.redo.insertMany(chunk, { ordered: false });
    await this.batches.updateOne({ _id: batch }, { $set: { state: 'redo' } });
  }

  async redoOf(batch: number): Promise<RedoEntry[]> {
    const docs = await this.redo.find({ batch }).toArray();
    return docs.flatMap(({ _id: _id, batch: _batch, ...doc }) =>
      'pack' in doc ? unpackRedo(doc.pack.read(0, doc.pack.length())) : [doc],
    );
  }

  // Forgets every fact and batch (a re-derivation consumes the stream again); the batch counter stays, so
  // batch numbers keep growing and never meet the ones stored on the inventories.
  async clear(): Promise<void> {
    await this.facts.deleteMany({});
    await this.redo.deleteMany({});
    await this.batches.deleteMany({});
  }

  // Whether any batch was ever begun (an inventory exists to re-derive).
  async hasHistory(): Promise<boolean> {
    return (await this.counters.countDocuments({ _id: 'batch' })) > 0;
  }

  async finish(batch: number): Promise<void> {
    await this.batches.updateOne({ _id: batch }, { $set: { state: 'applied' } });
    await this.deleteRedo(batch);
  }

  // The log holds only unfinished batches' packs (a few documents each), so the filter on the batch stays cheap
  // where FerretDB 1.x reads the whole collection for it.
  private async deleteRedo(batch: number): Promise<void> {
    await this.redo.deleteMany({ batch });
  }
}
