import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { AccountKey } from '../accounts/account-key';
import type { AccountSeen, AccountStateDoc } from '../accounts/account-state';
import { AccountStateRepository } from '../accounts/account-state.repository';
import type { DuoClient } from '../duo/duo-client';
import { AccountJobs } from './account-jobs';
import { initialMintime } from './log-window';

// Starts and stops the polling of the accounts an integration reaches, keeping their stored state in
// step: an account is recorded when first seen and marked removed when it is no longer listed.
@Injectable()
export class AccountTracker {
  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly jobs: AccountJobs,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  // A child account is polled through `client` (already pointed at its host) with its account_id.
  async track(key: AccountKey, seen: AccountSeen, client: DuoClient): Promise<void> {
    const state = await this.accounts.upsertSeen(
      key,
      seen,
      initialMintime(this.clock.nowMs(), this.env.CONNECTOR_BACKFILL_DAYS),
    );
    const accountParam = seen.child ? key.accountId : undefined;
    this.jobs.track(
      { key, client, accountParam },
      usersDueIn(state, this.clock.nowMs(), this.env.CONNECTOR_USERS_INTERVAL_MS),
    );
  }

  // Stops every active account of the integration that is not in `listed`, and marks it removed.
  async untrackMissing(integrationId: string, listed: ReadonlySet<string>): Promise<void> {
    for (const known of await this.accounts.listActive(integrationId)) {
      if (listed.has(known.accountId)) continue;
      this.jobs.untrack({ key: known });
      await this.accounts.markRemoved(known, this.clock.now());
    }
  }
}

// A restart does not re-snapshot users taken less than an interval ago.
function usersDueIn(state: AccountStateDoc, now: number, interval: number): number {
  return state.usersSnapshotAt ? Math.max(0, new Date(state.usersSnapshotAt).getTime() + interval - now) : 0;
}
