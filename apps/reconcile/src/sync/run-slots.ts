import { Injectable } from '@nestjs/common';
import { isActive, type SyncRunDoc, SyncRunRepository } from './sync-run.repository';
import { SyncRunSlotRepository } from './sync-run-slot.repository';

// Queues a new run unless its connection already has one queued or in progress, which it returns instead.
//
// The run is stored first, then the connection's slot is claimed (a keyed insert only one replica wins); a run
// that loses the claim is discarded. So a slot's run always exists while it is active, and a slot whose run has
// ended (a replica stopped between finishing and releasing it) or is gone is freed and claimed again.
@Injectable()
export class RunSlots {
  constructor(
    private readonly runs: SyncRunRepository,
    private readonly slots: SyncRunSlotRepository,
  ) {}

  async queueUnlessActive(run: SyncRunDoc): Promise<{ run: SyncRunDoc; queued: boolean }> {
    await this.runs.insert(run);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.slots.claim(run.connectionId, run._id, run.requestedAt)) return { run, queued: true };
      const holderId = await this.slots.holder(run.connectionId);
      if (holderId === null) continue; // released meanwhile: claim again
      const holder = await this.runs.findById(holderId);
      if (holder && isActive(holder)) {
        await this.runs.discard(run._id);
        return { run: holder, queued: false };
      }
      await this.slots.release(run.connectionId, holderId);
    }
    await this.runs.discard(run._id);
    throw new Error(`the sync slot of connection ${run.connectionId} kept changing hands`);
  }

  // The run ended: its connection may queue another.
  release(run: SyncRunDoc): Promise<void> {
    return this.slots.release(run.connectionId, run._id);
  }

  forget(connectionId: string): Promise<void> {
    return this.slots.deleteConnection(connectionId);
  }
}
