import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { sourceId, type SourceKind, type SourceState } from './source-state';
import { SourceRepository } from './source.repository';

// Read-modify-write of one source's state, one writer per source at a time. FerretDB 1.24 has no atomic
// compare-and-set, so the serializer is what keeps two batches from interleaving on one source; the service runs
// as a single instance (its timers and outbox assume it too).
@Injectable()
export class SourceStore {
  private readonly serializer = new KeyedSerializer();

  constructor(
    private readonly repository: SourceRepository,
    private readonly clock: Clock,
  ) {}

  // `next` gets the stored state (null: none yet) and answers the new one, or null when the event is stale or
  // changes nothing; the answer is what was stored (null: nothing was).
  update<S extends SourceState>(template: S, next: (previous: S | null) => S | null): Promise<S | null> {
    const id = sourceId(template);
    return this.serializer.run(id, async () => {
      const previous = (await this.repository.get(id)) as S | null;
      const updated = next(previous);
      if (updated === null) return null;
      await this.repository.put(updated, this.clock.now());
      return updated;
    });
  }

  // The same for many sources at once, in one read and one write: for a feed that is the only writer of its
  // sources and handles one batch at a time (the auth-log consumer), so no other update can interleave.
  async updateOwned<S extends SourceState, U>(
    updates: readonly U[],
    templateOf: (update: U) => S,
    next: (previous: S | null, update: U) => S | null,
  ): Promise<S[]> {
    const keyed = updates.map((update) => ({ id: sourceId(templateOf(update)), update }));
    const stored = await this.repository.getMany(keyed.map(({ id }) => id));
    const changed: S[] = [];
    for (const { id, update } of keyed) {
      // A source id names its kind, so what is stored under the id of an S is an S.
      const updated = next((stored.get(id) as S | undefined) ?? null, update);
      if (updated) changed.push(updated);
    }
    await this.repository.putMany(changed, this.clock.now());
    return changed;
  }

  allOf(kind: SourceKind): Promise<SourceState[]> {
    return this.repository.allOf(kind);
  }
}
