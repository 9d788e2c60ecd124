import { Inject, Injectable } from '@nestjs/common';
import { BusConnection } from '@seatwise/platform/bus/bus-connection';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { LOGGER } from '@seatwise/platform/tokens';
import { streamName } from '@seatwise/shared/bus/subjects';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { Logger } from '@seatwise/shared/logging/logger';
import { ActivityRepository } from '../inventory/activity.repository';
import { ServicesRepository } from '../inventory/services.repository';
import { UsageRepository } from '../inventory/usage.repository';
import { UsersRepository } from '../inventory/users.repository';
import { WriteLock } from '../inventory/write-lock';
import { RollupService } from '../rollup/rollup.service';
import { JournalRepository } from './auth/journal.repository';
import { type DerivationDoc, DerivationStateRepository } from './derivation-state.repository';

// How the inventories are derived from the auth logs. 2: a use is a successful authentication; denials
// and fraud counted apart with reasons; services grouped across customers. 3: a usage row's first success is the
// earliest, whichever batch brings it (it depended on the batches' order). Raise it whenever a change
// alters what a fact adds to an inventory: the next start re-derives.
export const DERIVATION_VERSION = 3;

// Re-derives the inventories when they were built by an older derivation: the derived counts are reset
// (services, users and what people decided about them are kept, their counts zeroed; usage rows, day
// counts and the journal are dropped) and the auth-log consumer is recreated, so the stream is consumed
// from its start again and every fact counted once under the new rules. Idempotent: a crash while
// resetting resets again at the next start. What the stream no longer holds (older than its max age) is
// not re-derived: the README says so.
@Injectable()
export class DerivationService {
  constructor(
    private readonly state: DerivationStateRepository,
    private readonly journal: JournalRepository,
    private readonly services: ServicesRepository,
    private readonly users: UsersRepository,
    private readonly usage: UsageRepository,
    private readonly activity: ActivityRepository,
    private readonly rollup: RollupService,
    private readonly lock: WriteLock,
    private readonly bus: EventBus,
    private readonly busConnection: BusConnection,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Before the consumers start. true when the inventories were reset for a re-derivation.
  async ensureCurrent(): Promise<boolean> {
    const doc = await this.state.get();
    if (doc?.version === DERIVATION_VERSION && doc.state === 'current') return false;
    if (!doc && !(await this.journal.hasHistory())) {
      await this.save('current');
      return false;
    }
    this.logger.info(
      { from: doc?.version ?? 1, to: DERIVATION_VERSION },
      're-deriving the inventories from the stream',
    );
    await this.save('resetting');
    await this.reset();
    await this.save('current');
    return true;
  }

  private async reset(): Promise<void> {
    await this.journal.clear();
    await this.usage.clear();
    await this.activity.clear();
    await this.lock.run('services', () => this.services.resetDerived());
    await this.lock.run('users', () => this.users.resetDerived());
    await this.lock.run('services', () => this.services.backfillGroupKeys());
    await this.rollup.rebuild();
    await this.busConnection.jsm.consumers
      .delete(streamName(this.bus.prefix, consumers.discoveryAuthLogs.stream), consumers.discoveryAuthLogs.durable)
      .catch((error: unknown) => {
        // Already deleted by an earlier attempt (or never created): nothing to do.
        if (!/consumer not found/i.test(String(error))) throw error;
      });
  }

  private save(state: DerivationDoc['state']): Promise<void> {
    return this.state.save(DERIVATION_VERSION, state);
  }
}
