import { Injectable } from '@nestjs/common';
import { SaasCatalog } from '../../catalog/saas-catalog';
import { ActivityRepository } from '../../inventory/activity.repository';
import { ServicesRepository } from '../../inventory/services.repository';
import { UsageRepository } from '../../inventory/usage.repository';
import { UsersRepository } from '../../inventory/users.repository';
import type { AuthFact } from './auth-fact';
import { aggregateFacts } from './batch-aggregate';
import { type NewUsers, nextActivity, nextService, nextUsage, nextUser } from './next-docs';
import type { RedoEntry } from './redo-entry';

// Every document a batch of new facts changes, as it will be after the batch. Distinct counts come
// from the usage rows: a (service, user) row the batch creates is one more user who attempted the service,
// and a row whose first successful use is in the batch is one more user of the service and one more
// service of the user (a user uses a service when they authenticated to it successfully). Users are `created` when first seen in the logs (a users
// snapshot may have created the document earlier). Day counts add the batch's facts, which are new by
// construction (the journal dropped the ones seen before): redelivered events count nothing there either.
// Re-planning a batch whose writes a crash interrupted gives the same documents: one already written
// by this batch (lastBatch) is kept as it is, and the batch markers (firstBatch, firstLogBatch) still
// say what the batch created.
const NO_NEW_USERS: NewUsers = { users: 0, attempted: 0 };

@Injectable()
export class BatchPlanner {
  constructor(
    private readonly services: ServicesRepository,
    private readonly users: UsersRepository,
    private readonly usage: UsageRepository,
    private readonly activity: ActivityRepository,
    private readonly catalog: SaasCatalog,
  ) {}

  async plan(batch: number, facts: readonly AuthFact[]): Promise<RedoEntry[]> {
    const aggregate = aggregateFacts(facts);
    if (facts.length === 0) return [];
    const [usageDocs, serviceDocs, userDocs, activityDocs] = await Promise.all([
      this.usage.load([...aggregate.usage.keys()]),
      this.services.load([...aggregate.services.keys()]),
      this.users.load([...aggregate.users.keys()]),
      this.activity.load([...aggregate.activity.keys()]),
    ]);
    const entries: RedoEntry[] = [];
    const newUsers = new Map<string, NewUsers>();
    const newServices = new Map<string, number>();
    for (const delta of aggregate.usage.values()) {
      const existing = usageDocs.get(delta.id);
      const created = !existing || existing.firstBatch === batch;
      const doc = existing?.lastBatch === batch ? existing : nextUsage(existing, delta, batch);
      const firstUse = doc.firstSuccessBatch === batch;
      const added = newUsers.get(delta.serviceId) ?? { users: 0, attempted: 0 };
      newUsers.set(delta.serviceId, {
        users: added.users + (firstUse ? 1 : 0),
        attempted: added.attempted + (created ? 1 : 0),
      });
      if (firstUse) newServices.set(delta.userId, (newServices.get(delta.userId) ?? 0) + 1);
      entries.push({ coll: 'usage', doc, created });
    }
    for (const delta of aggregate.services.values()) {
      const existing = serviceDocs.get(delta.id);
      const doc =
        existing?.lastBatch === batch
          ? existing
          : nextService(existing, delta, newUsers.get(delta.id) ?? NO_NEW_USERS, batch, (name) =>
              this.catalog.match(name),
            );
      entries.push({ coll: 'services', doc, created: !existing || existing.firstBatch === batch });
    }
    for (const delta of aggregate.users.values()) {
      const existing = userDocs.get(delta.id);
      const doc =
        existing?.lastBatch === batch ? existing : nextUser(existing, delta, newServices.get(delta.id) ?? 0, batch);
      entries.push({
        coll: 'users',
        doc,
        created: existing?.firstLogBatch === undefined || existing.firstLogBatch === batch,
      });
    }
    for (const delta of aggregate.activity.values()) {
      const existing = activityDocs.get(delta.id);
      const doc = existing?.lastBatch === batch ? existing : nextActivity(existing, delta, batch);
      entries.push({ coll: 'activity', doc });
    }
    return entries;
  }
}
