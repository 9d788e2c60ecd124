import { Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { duoUserRecordSchema, type DuoUserRecord } from '@seatwise/shared/contracts/duo-records';
import { formatIssues } from '@seatwise/shared/validation/zod-issues';
import { randomUUID } from 'node:crypto';
import { AccountStateRepository } from '../accounts/account-state.repository';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import type { AccountTarget } from './account-target';
import { DeadLetters } from './dead-letters';

export interface UsersSnapshot {
  userCount: number;
  pendingDeletionCount: number;
}

// A full users snapshot: every page published, then the end marker. A crash mid-way leaves a
// snapshot without its marker, which consumers ignore; the next run starts a new snapshot id.
@Injectable()
export class UsersSyncService {
  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly bus: EventBus,
    private readonly deadLetters: DeadLetters,
    private readonly metrics: ConnectorMetrics,
    private readonly clock: Clock,
  ) {}

  async snapshot(target: AccountTarget, beforePage: () => Promise<void>): Promise<UsersSnapshot> {
    const { integrationId, accountId } = target.key;
    const snapshotId = randomUUID();
    const startedAt = this.clock.now().toISOString();
    const counts: UsersSnapshot = { userCount: 0, pendingDeletionCount: 0 };
    let offset: number | null = 0;
    while (offset !== null) {
      await beforePage();
      const page = await target.client.users({ accountId: target.accountParam, offset });
      const users = this.validUsers(page.users, accountId);
      const observedAt = this.clock.now().toISOString();
      await this.deadLetters.rejectDuoRecords('user', accountId, users.invalid);
      await this.bus.publishAll('duo.users.record', users.valid.map((record) => ({ integrationId, accountId, snapshotId, record, observedAt })));
      this.metrics.recordsPublished.inc({ account: accountId, type: 'user' }, users.valid.length);
      counts.userCount += users.valid.length;
      counts.pendingDeletionCount += users.valid.filter((u) => u.status === 'pending deletion').length;
      offset = page.nextOffset;
    }
    const completedAt = this.clock.now().toISOString();
    await this.bus.publish('duo.users.snapshot-complete', { integrationId, accountId, snapshotId, userCount: counts.userCount, startedAt, completedAt });
    await this.accounts.update(target.key, { usersSnapshotAt: this.clock.now() });
    return counts;
  }

  private validUsers(raw: readonly unknown[], accountId: string): { valid: DuoUserRecord[]; invalid: { raw: unknown; reason: string }[] } {
    const out = { valid: [] as DuoUserRecord[], invalid: [] as { raw: unknown; reason: string }[] };
    for (const user of raw) {
      const parsed = duoUserRecordSchema.safeParse(user);
      if (parsed.success) out.valid.push(parsed.data);
      else out.invalid.push({ raw: user, reason: formatIssues(parsed.error) });
    }
    this.metrics.recordsFetched.inc({ account: accountId, type: 'user' }, raw.length);
    return out;
  }
}
