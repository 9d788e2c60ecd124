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
import { usersDueInMs } from './users-sync.service';

// Starts and stops the polling of the accounts an integration reaches, keeping their stored state in
// step: an account is recorded when first seen and marked removed when it is no longer listed. Every replica
// tracks every account (AccountJobs runs it only where its lease is).
@Injectable()
export class AccountTracker {
  // The accounts this replica tracks, per integration.
  private readonly tracked = new Map<string, Set<string>>();

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
    this.start(state, client, seen.child);
  }

  // Tracks the accounts another replica's listing stored, and stops those it marked removed, without calling Duo:
  // how replicas that do not hold an integration's listing lease learn its child accounts.
  async follow(integrationId: string, clientFor: (state: AccountStateDoc) => DuoClient | null): Promise<void> {
    const active = await this.accounts.listActive(integrationId);
    for (const state of active) {
      const client = clientFor(state);
      if (client) this.start(state, client, true);
    }
    const listed = new Set(active.map((s) => s.accountId));
    for (const accountId of this.tracked.get(integrationId) ?? []) {
      if (!listed.has(accountId)) await this.untrack({ integrationId, accountId });
    }
  }

  // Stops every active account of the integration that is not in `listed`, and marks it removed.
  async untrackMissing(integrationId: string, listed: ReadonlySet<string>): Promise<void> {
    for (const known of await this.accounts.listActive(integrationId)) {
      if (listed.has(known.accountId)) continue;
      await this.untrack(known);
      await this.accounts.markRemoved(known, this.clock.now());
    }
  }

  // Every account of the integration stops here (its leases are handed over).
  async untrackIntegration(integrationId: string): Promise<void> {
    for (const accountId of this.tracked.get(integrationId) ?? []) await this.untrack({ integrationId, accountId });
    this.tracked.delete(integrationId);
  }

  private start(state: AccountStateDoc, client: DuoClient, child: boolean): void {
    const key = { integrationId: state.integrationId, accountId: state.accountId };
    const accountParam = child ? key.accountId : undefined;
    const usersDue = usersDueInMs(state.usersSnapshotAt, this.clock.nowMs(), this.env.CONNECTOR_USERS_INTERVAL_MS);
    this.jobs.track({ key, client, accountParam }, usersDue);
    const ids = this.tracked.get(key.integrationId) ?? new Set<string>();
    ids.add(key.accountId);
    this.tracked.set(key.integrationId, ids);
  }

  private async untrack(key: AccountKey): Promise<void> {
    this.tracked.get(key.integrationId)?.delete(key.accountId);
    await this.jobs.untrack({ key });
  }
}
