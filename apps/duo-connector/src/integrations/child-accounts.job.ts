import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Env } from '@seatwise/shared/config/connector-env';
import type { Logger } from '@seatwise/shared/logging/logger';
import { OutboundError } from '@seatwise/platform/outbound/outbound-error';
import type { DuoChildAccount, DuoClient } from '../duo/duo-client';
import { describeDuoFailure } from '../duo/duo-errors';
import { AccountTracker } from '../sync/account-tracker';
import { failureBackoffMs, type Job } from '../sync/job-scheduler';
import { type IntegrationDoc, IntegrationRepository } from './integration.repository';

// The recurring job of an Accounts API (MSP) integration: list its child accounts, poll new ones,
// stop removed ones. A failure is recorded on the integration and retried with backoff.
@Injectable()
export class ChildAccountsJob {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly tracker: AccountTracker,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  for(doc: IntegrationDoc, client: DuoClient): Job {
    return {
      id: `${doc._id}:children`,
      group: doc._id,
      pace: null,
      work: async () => {
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

  private async refresh(doc: IntegrationDoc, client: DuoClient): Promise<void> {
    const children = await client.childAccounts();
    const listed = new Set<string>();
    for (const child of children) {
      const childClient = this.clientFor(doc, client, child);
      if (childClient === null) continue; // not listed: polling stops if it was tracked
      listed.add(child.accountId);
      const key = { integrationId: doc._id, accountId: child.accountId };
      await this.tracker.track(key, { name: child.name, apiHostname: child.apiHostname, child: true }, childClient);
    }
    await this.tracker.untrackMissing(doc._id, listed);
    await this.integrations.update(doc._id, { lastSyncAt: this.clock.now(), lastError: null, status: 'connected' });
  }
}
