import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import type { AccountStateDoc } from '../accounts/account-state';
import type { DuoChildAccount, DuoClient } from '../duo/duo-client';
import { describeDuoFailure } from '../duo/duo-errors';
import { AccountsListed } from './accounts-listed';
import { ConnectorLeases } from '../leases/connector-leases';
import { AccountTracker } from '../sync/account-tracker';
import { failureBackoffMs, type Job } from '../sync/job-scheduler';
import { type IntegrationDoc, IntegrationRepository } from './integration.repository';

const LISTING_LEASE = 'children:';

// How long until an integration's child accounts are due to be listed: at once when this version of it (its
// updatedAt) was never listed, else one interval after its last listing, whichever replica made it.
export function listingDueInMs(
  last: Pick<IntegrationDoc, 'lastSyncAt' | 'listedVersionAt'> | null,
  version: Date,
  now: number,
  intervalMs: number,
): number {
  if (!last?.lastSyncAt || last.listedVersionAt?.getTime() !== version.getTime()) return 0;
  return Math.max(0, last.lastSyncAt.getTime() + intervalMs - now);
}

// The recurring jobs of an Accounts API (MSP) integration. Listing: list its child accounts, poll new ones, stop
// removed ones, on the one replica holding the listing's lease (a failure is recorded on the integration and retried
// with backoff). Following: on every replica, poll (when their leases come) the accounts the listing stored. A replica
// taking the listing over (its holder died or let it go) waits for the interval since the last listing instead of
// asking Duo again at once; a changed integration or a sync-now lists at once.
@Injectable()
export class ChildAccountsJob {
  // Integrations whose next listing here runs whatever the last one's time (sync-now).
  private readonly forced = new Set<string>();

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly tracker: AccountTracker,
    private readonly leases: ConnectorLeases,
    private readonly listed: AccountsListed,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  static leaseOf(integrationId: string): string {
    return `${LISTING_LEASE}${integrationId}`;
  }

  // The integration whose listing a lease is for; null for any other lease.
  static integrationOf(lease: string): string | null {
    return lease.startsWith(LISTING_LEASE) ? lease.slice(LISTING_LEASE.length) : null;
  }

  for(doc: IntegrationDoc, client: DuoClient): Job {
    const lease = ChildAccountsJob.leaseOf(doc._id);
    this.leases.want(lease);
    return {
      id: `${doc._id}:children`,
      group: doc._id,
      pace: null,
      ready: () => this.leases.holds(lease),
      work: async () => {
        const dueInMs = await this.dueInMs(doc);
        if (dueInMs > 0) return dueInMs;
        await this.refresh(doc, client);
        return this.env.CONNECTOR_ACCOUNTS_REFRESH_MS;
      },
      onError: async (error, failures) => {
        this.logger.warn({ err: error, integration: doc._id }, 'listing child accounts failed');
        const { code, message } = describeDuoFailure(error);
        await this.integrations.update(doc._id, { lastError: { code, message, at: this.clock.now() } });
        return failureBackoffMs(failures);
      },
    };
  }

  // Sync-now: the next listing of the integration on this replica runs at once (every replica is told; the one holding
  // the listing runs it, the others keep the mark until they take the listing over, a listing early at most).
  force(integrationId: string): void {
    this.forced.add(integrationId);
  }

  follower(doc: IntegrationDoc, client: DuoClient): Job {
    return {
      id: `${doc._id}:follow`,
      group: doc._id,
      pace: null,
      work: async () => {
        await this.tracker.follow(doc._id, (state) => {
          const child = childOf(state);
          return child && this.clientFor(doc, client, child);
        });
        return this.env.CONNECTOR_LEASE_MS;
      },
      onError: (error, failures) => {
        this.logger.warn({ err: error, integration: doc._id }, 'following child accounts failed');
        return Promise.resolve(failureBackoffMs(failures));
      },
    };
  }

  // A child whose api_hostname the outbound policy refuses (the Accounts API is trusted no more than a user) is
  // skipped with a warning; the other children are still polled.
  private clientFor(doc: IntegrationDoc, client: DuoClient, child: DuoChildAccount): DuoClient | null {
    try {
      return client.forChild(child);
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      const { accountId } = child;
      this.logger.warn(
        { integration: doc._id, accountId, code: error.code, rule: error.rule },
        'child account host refused',
      );
      return null;
    }
  }

  private async dueInMs(doc: IntegrationDoc): Promise<number> {
    if (this.forced.delete(doc._id)) return 0;
    const current = await this.integrations.findById(doc._id);
    return listingDueInMs(current, doc.updatedAt, this.clock.nowMs(), this.env.CONNECTOR_ACCOUNTS_REFRESH_MS);
  }

  private async refresh(doc: IntegrationDoc, client: DuoClient): Promise<void> {
    const children = await client.childAccounts();
    // Deleted on another replica since this one started it: its accounts must not be stored again.
    if (!(await this.integrations.findById(doc._id))) return;
    const listed = new Set<string>();
    for (const child of children) {
      const childClient = this.clientFor(doc, client, child);
      if (childClient === null) continue; // not listed: polling stops if it was tracked
      listed.add(child.accountId);
      const key = { integrationId: doc._id, accountId: child.accountId };
      await this.tracker.track(key, { name: child.name, apiHostname: child.apiHostname, child: true }, childClient);
    }
    await this.tracker.untrackMissing(doc._id, listed);
    this.listed.announce(doc._id);
    await this.integrations.update(doc._id, {
      lastSyncAt: this.clock.now(),
      listedVersionAt: doc.updatedAt,
      lastError: null,
      status: 'connected',
    });
  }
}

// A stored child account as listed; null for a row without its host (not a child).
function childOf(state: AccountStateDoc): DuoChildAccount | null {
  const { accountId, name, apiHostname } = state;
  return apiHostname === null ? null : { accountId, name, apiHostname };
}
