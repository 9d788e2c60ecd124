import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { Seats } from '@seatwise/shared/contracts/discovery-views';
import type { Scope } from '../inventory/ids';
import { UsersRepository } from '../inventory/users.repository';
import { SeatSettingsRepository } from './seat-settings.repository';
import { SeatTally } from './seat-rules';

// An account's seat figures now: its users read once, with the account's own unused-after setting.
@Injectable()
export class SeatsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly settings: SeatSettingsRepository,
    private readonly clock: Clock,
  ) {}

  async of(scope: Scope): Promise<Seats> {
    const tally = new SeatTally(scope.accountId, await this.settings.unusedAfterDays(scope), this.clock.now());
    for await (const user of this.users.ofAccount(scope)) tally.add(user);
    return tally.result();
  }

  // Every account with users (the seats summary's cross-tenant read, like the account summary).
  async accounts(): Promise<string[]> {
    const counts = await this.users.countPerAccount({});
    return counts.map((c) => c.accountId).sort();
  }
}
