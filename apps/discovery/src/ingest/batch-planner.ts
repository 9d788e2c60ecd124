import { Injectable } from '@nestjs/common';
import { SaasCatalog } from '../catalog/saas-catalog';
import type { RedoEntry } from '../db/journal.repository';
import { ServicesRepository } from '../db/services.repository';
import { UsageRepository } from '../db/usage.repository';
import { UsersRepository } from '../db/users.repository';
import type { AuthFact } from './auth-fact';
import { aggregateFacts } from './batch-aggregate';
import { nextService, nextUsage, nextUser } from './next-docs';

// Every document a batch of new facts changes, as it will be after the batch. Distinct counts come
// from the usage rows the batch creates: one new (service, user) row is one more user of the service
// and one more service of the user. Users are `created` when first seen in the logs (a users
// snapshot may have created the document earlier).
@Injectable()
export class BatchPlanner {
  constructor(
    private readonly services: ServicesRepository,
    private readonly users: UsersRepository,
    private readonly usage: UsageRepository,
    private readonly catalog: SaasCatalog,
  ) {}

  async plan(batch: number, facts: readonly AuthFact[]): Promise<RedoEntry[]> {
    const aggregate = aggregateFacts(facts);
    if (facts.length === 0) return [];
    const usageDocs = await this.usage.load([...aggregate.usage.keys()]);
    const entries: RedoEntry[] = [];
    const newUsers = new Map<string, number>();
    const newServices = new Map<string, number>();
    for (const delta of aggregate.usage.values()) {
      const existing = usageDocs.get(delta.id);
      if (!existing) {
        newUsers.set(delta.serviceId, (newUsers.get(delta.serviceId) ?? 0) + 1);
        newServices.set(delta.userId, (newServices.get(delta.userId) ?? 0) + 1);
      }
      entries.push({ coll: 'usage', doc: nextUsage(existing, delta, batch), created: !existing });
    }
    const serviceDocs = await this.services.load([...aggregate.services.keys()]);
    for (const delta of aggregate.services.values()) {
      const existing = serviceDocs.get(delta.id);
      entries.push({ coll: 'services', doc: nextService(existing, delta, newUsers.get(delta.id) ?? 0, batch, (name) => this.catalog.match(name)), created: !existing });
    }
    const userDocs = await this.users.load([...aggregate.users.keys()]);
    for (const delta of aggregate.users.values()) {
      const existing = userDocs.get(delta.id);
      entries.push({ coll: 'users', doc: nextUser(existing, delta, newServices.get(delta.id) ?? 0, batch), created: existing?.firstLogBatch === undefined });
    }
    return entries;
  }
}
