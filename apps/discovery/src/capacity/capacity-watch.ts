import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private reported = '';

  constructor(
    private readonly server: ServerTraits,
    private readonly members: AccountMembersRepository,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.env.DISCOVERY_CAPACITY_CHECK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  // One check at a time; a tick that finds one running is skipped. A failed check is logged and left to the next.
  tick(): Promise<void> {
    this.running ??= this.check()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'the embedded database capacity check failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
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
