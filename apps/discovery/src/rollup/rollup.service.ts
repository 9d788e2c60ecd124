import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { ServicesRepository } from '../inventory/services.repository';
import { rollupGroup } from './group-rollup';
import { GroupsRepository } from './groups.repository';
import { PendingGroupsRepository } from './pending-groups.repository';

// Keeps the services-across-customers rollup: after a curation, or after the auth-log batches of a fetch, the
// groups of the services they changed are rebuilt from their services (a few documents instead of an aggregation
// over every account per request, which FerretDB 1.24 would answer with full scans). A batch only marks its groups
// pending (mark); they are rebuilt once per fetch (drain), not once per batch: a fetch is cut into a batch per
// account partition, whose groups overlap, and each rebuild reads the groups' services. Idempotent: a repeat after
// a crash rebuilds the same documents.
@Injectable()
export class RollupService {
  // One rebuild at a time: two overlapping ones could write an older view of a group last.
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly services: ServicesRepository,
    private readonly groups: GroupsRepository,
    private readonly pending: PendingGroupsRepository,
  ) {}

  // Before the batch is marked applied.
  mark(batch: number, groupKeys: Iterable<string>): Promise<void> {
    return this.pending.add(batch, [...new Set(groupKeys)]);
  }

  // Rebuilds every pending group, of this replica's batches or another's.
  async drain(): Promise<void> {
    const { ids, keys } = await this.pending.all();
    for (const chunk of chunks(keys, 200)) await this.refresh(chunk);
    await this.pending.remove(ids);
  }

  refresh(groupKeys: Iterable<string>): Promise<void> {
    const keys = [...new Set(groupKeys)];
    if (keys.length === 0) return Promise.resolve();
    return this.serial.run('rollup', async () => {
      const services = await this.services.inGroups(keys);
      const built = keys.map((key) => ({ key, doc: rollupGroup(key, services) }));
      await this.groups.save(
        built.flatMap((b) => (b.doc ? [b.doc] : [])),
        built.flatMap((b) => (b.doc ? [] : [b.key])),
      );
    });
  }

  // Every group again (after a re-derivation).
  async rebuild(): Promise<void> {
    await this.serial.run('rollup', () => this.groups.clear());
    const keys = new Set<string>();
    for await (const page of this.services.all()) for (const s of page) keys.add(s.groupKey);
    for (const chunk of chunks([...keys], 200)) await this.refresh(chunk);
  }
}
