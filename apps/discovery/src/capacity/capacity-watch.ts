import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@seatwise/platform/clock/periodic-task';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/discovery-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AccountMembersRepository, type ListCount } from '../inventory/account-members.repository';
import { ServerTraits } from '../inventory/server-traits';
import { exceeded, type InventorySize } from './embedded-limits';

// Warns, in the log the stack prints, when the inventory outgrows what the embedded database (FerretDB 1.x) answers
// the console's queries for in time, and says what to do about it; checked at start and then periodically. A
// warning is repeated only when what is exceeded changes, and its end is logged too. On any other server: nothing.
@Injectable()
export class CapacityWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask(
    () => this.check(),
    (error) => {
      this.logger.warn({ err: error }, 'the embedded database capacity check failed');
    },
  );
  private reported = '';

  constructor(
    private readonly server: ServerTraits,
    private readonly members: AccountMembersRepository,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.task.tick();
    this.task.start(this.env.DISCOVERY_CAPACITY_CHECK_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  // One check at a time (a tick during one joins it); a failed check is logged and left to the next.
  tick(): Promise<void> {
    return this.task.tick();
  }

  private async check(): Promise<void> {
    if (!(await this.server.isFerretdb1())) return;
    const size = sizeOf(await this.members.counts());
    const reasons = exceeded(size, {
      services: this.env.DISCOVERY_EMBEDDED_MAX_SERVICES,
      accountUsers: this.env.DISCOVERY_EMBEDDED_MAX_ACCOUNT_USERS,
    });
    const key = reasons.join('\n');
    if (key === this.reported) return;
    this.reported = key;
    if (reasons.length > 0) {
      this.logger.warn(
        { ...size, exceeded: reasons },
        'the data has outgrown the embedded database (FerretDB): console screens will take over a second; ' +
          'move to MongoDB (MONGO_URL, or docker compose), see the README "What the embedded database serves"',
      );
    } else {
      this.logger.info({ ...size }, 'the data is back within what the embedded database (FerretDB) serves');
    }
  }
}

function sizeOf(counts: readonly ListCount[]): InventorySize {
  const size: InventorySize = { accounts: 0, users: 0, services: 0, largest: null };
  for (const { kind, accountId, count } of counts) {
    if (kind === 'services') {
      size.services += count;
      continue;
    }
    size.accounts++;
    size.users += count;
    if (!size.largest || count > size.largest.users) size.largest = { accountId, users: count };
  }
  return size;
}
