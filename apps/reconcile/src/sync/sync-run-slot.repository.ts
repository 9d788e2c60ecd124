import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { MongooseRepository } from '@seatwise/platform/db/mongoose-repository';
import { Schema } from 'mongoose';

// One document per connection while it has a run queued or in progress, keyed by the connection's id: inserting
// it is how a replica claims the right to queue a run, atomically on every server (a keyed insert, no
// transaction, no upsert), so two replicas asked at once never queue two runs.
export interface SyncRunSlotDoc {
  _id: string; // the connection id
  runId: string;
  claimedAt: Date;
}

const schema = new Schema<SyncRunSlotDoc>(
  { _id: String, runId: String, claimedAt: Date },
  { versionKey: false, minimize: false },
);

@Injectable()
export class SyncRunSlotRepository extends MongooseRepository<SyncRunSlotDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'SyncRunSlot', collection: 'sync_run_slots', schema });
  }

  claim(connectionId: string, runId: string, at: Date): Promise<boolean> {
    return this.insertIfAbsent({ _id: connectionId, runId, claimedAt: at });
  }

  async holder(connectionId: string): Promise<string | null> {
    return (await this.findById(connectionId))?.runId ?? null;
  }

  // Only the run's own slot: a newer run's claim is never released by an older run finishing late.
  async release(connectionId: string, runId: string): Promise<void> {
    await this.model.deleteOne({ _id: connectionId, runId }).exec();
  }

  async deleteConnection(connectionId: string): Promise<void> {
    await this.model.deleteOne({ _id: connectionId }).exec();
  }
}
