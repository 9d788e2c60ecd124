import { Injectable } from '@nestjs/common';
import { chunks } from '@seatwise/platform/db/chunks';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { ServicesRepository } from '../inventory/services.repository';
import { rollupGroup } from './group-rollup';
import { GroupsRepository } from './groups.repository';

// Keeps the services-across-customers rollup: after every batch or curation, the groups of the services
// it changed are rebuilt from their services (a few documents per batch instead of an aggregation over
// every account per request, which FerretDB 1.24 would answer with full scans). Idempotent: a repeat
// after a crash rebuilds the same documents.
@Injectable()
export class RollupService {
  // One rebuild at a time: two overlapping ones could write an older view of a group last.
  private readonly serial = new KeyedSerializer();

  constructor(
    private readonly services: ServicesRepository,
    private readonly groups: GroupsRepository,
  ) {}

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
