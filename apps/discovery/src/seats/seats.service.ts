import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { Seats } from '@seatwise/shared/contracts/discovery-views';
import type { Scope } from '../inventory/ids';
import type { UserCounts } from '../inventory/usage-state.repository';
import { UserRowsRepository } from '../inventory/user-rows.repository';
import { UsersRepository } from '../inventory/users.repository';
import { SeatSettingsRepository } from './seat-settings.repository';
import { SeatTally, seatFieldsOfRow } from './seat-rules';

// Seat figures now, each account with its own unused-after setting: of some accounts, or of every account in one
// pass. From the accounts' user rows where they are kept (FerretDB 1.x: one document per account, #19), else from
// their users read through the account lists (a lookup bounded by their size) or all users.
@Injectable()
export class SeatsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly rows: UserRowsRepository,
    private readonly settings: SeatSettingsRepository,
    private readonly clock: Clock,
  ) {}

  async of(scope: Scope): Promise<Seats> {
    const [seats] = await this.ofMany([scope]);
    if (!seats) throw new Error(`no seat figures for account ${scope.accountId}`);
    return seats;
  }

  // In the order asked; an account without users has zero figures.
  async ofMany(scopes: readonly Scope[]): Promise<Seats[]> {
    return (await this.withCounts(scopes)).map((a) => a.seats);
  }

  // The figures and the user counts of each account, from the same pass over their users.
  async withCounts(scopes: readonly Scope[]): Promise<Array<{ seats: Seats; users: UserCounts }>> {
    const tallies = await this.tallies(scopes);
    const rows = await this.rows.rowsOf(scopes);
    for (const [accountId, entries] of rows) {
      const tally = tallies.get(accountId);
      for (const row of entries.values()) tally?.add(seatFieldsOfRow(row));
    }
    const unrowed = scopes.filter((scope) => !rows.has(scope.accountId));
    if (unrowed.length > 0) {
      for await (const user of this.users.ofAccounts(unrowed)) tallies.get(user.accountId)?.add(user);
    }
    return scopes.flatMap((s) => {
      const tally = tallies.get(s.accountId);
      return tally ? [{ seats: tally.result(), users: tally.userCounts() }] : [];
    });
  }

  // Every account with users (the seats summary's cross-tenant read, like the account summary), by account id.
  async every(): Promise<Seats[]> {
    const unusedAfterDays = await this.settings.unusedAfterDaysOfAll();
    const now = this.clock.now();
    const tallies = new Map<string, SeatTally>();
    const tallyOf = (accountId: string): SeatTally => {
      let tally = tallies.get(accountId);
      if (!tally) {
        tally = new SeatTally(accountId, unusedAfterDays(accountId), now);
        tallies.set(accountId, tally);
      }
      return tally;
    };
    const all = await this.rows.everyAccount();
    if (all) {
      for await (const { accountId, entries } of all.rows) {
        for (const row of entries.values()) tallyOf(accountId).add(seatFieldsOfRow(row));
      }
      const unkept = (await all.unkept()).map((accountId) => ({ accountId }));
      if (unkept.length > 0) for await (const user of this.users.ofAccounts(unkept)) tallyOf(user.accountId).add(user);
    } else {
      for await (const user of this.users.all()) tallyOf(user.accountId).add(user);
    }
    return [...tallies.keys()].sort().flatMap((id) => tallies.get(id)?.result() ?? []);
  }

  private async tallies(scopes: readonly Scope[]): Promise<Map<string, SeatTally>> {
    const days = await this.settings.unusedAfterDaysOf(scopes);
    const now = this.clock.now();
    return new Map([...days].map(([accountId, d]) => [accountId, new SeatTally(accountId, d, now)]));
  }
}
