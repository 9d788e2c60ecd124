import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV, LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import { AccountStateRepository, type AccountStateDoc } from '../accounts/account-state.repository';
import type { Env } from '@seatwise/shared/config/connector-env';
import { SecretCipher } from '@seatwise/platform/crypto/secret-cipher';
import type { DuoClient } from '../duo/duo-client';
import { DuoClientFactory } from '../duo/duo-client.factory';
import { AccountJobs } from '../sync/account-jobs';
import type { AccountTarget } from '../sync/account-target';
import { JobScheduler } from '../sync/job-scheduler';
import { initialMintime } from '../sync/log-window';
import type { IntegrationDoc } from './integration.repository';
import { IntegrationRepository } from './integration.repository';

// Turns stored integrations into polled accounts: one for an Admin API integration, every child
// (refreshed periodically: new ones picked up, removed ones stopped) for an Accounts API one.
@Injectable()
export class IntegrationRuntime {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly accounts: AccountStateRepository,
    private readonly jobs: AccountJobs,
    private readonly scheduler: JobScheduler,
    private readonly clients: DuoClientFactory,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(doc: IntegrationDoc): Promise<void> {
    this.stop(doc._id);
    const client = this.clients.create({ apiHostname: doc.apiHostname, integrationKey: doc.integrationKey, secretKey: this.cipher.decrypt(doc.secret) });
    if (doc.kind === 'admin') {
      // An Admin API integration belongs to exactly one account; its key identifies that account.
      await this.track(doc, client, { accountId: doc.integrationKey, name: doc.name, apiHostname: null, child: false });
      return;
    }
    this.scheduler.add({
      id: `${doc._id}:children`,
      group: doc._id,
      pace: null,
      work: async () => {
        await this.refreshChildren(doc, client);
        return this.env.CONNECTOR_ACCOUNTS_REFRESH_MS;
      },
      onError: async (error, failures) => {
        this.logger.warn({ err: error, integration: doc._id }, 'listing child accounts failed');
        await this.integrations.update(doc._id, { lastError: { code: errorCode(error), message: errorMessage(error), at: this.clock.now() } });
        return Math.min(5 * 60_000, 1_000 * 2 ** Math.min(failures, 8));
      },
    });
  }

  stop(integrationId: string): void {
    this.scheduler.removeGroup(integrationId);
  }

  syncNow(integrationId: string): void {
    this.scheduler.runGroupNow(integrationId);
  }

  private async refreshChildren(doc: IntegrationDoc, client: DuoClient): Promise<void> {
    const children = await client.childAccounts();
    const seen = new Set<string>();
    for (const child of children) {
      seen.add(child.accountId);
      await this.track(doc, client.forChild(child), { accountId: child.accountId, name: child.name, apiHostname: child.apiHostname, child: true });
    }
    for (const known of await this.accounts.listActive(doc._id)) {
      if (seen.has(known.accountId)) continue;
      this.jobs.untrack({ key: known });
      await this.accounts.markRemoved(known, this.clock.now());
    }
    await this.integrations.update(doc._id, { lastSyncAt: this.clock.now(), lastError: null, status: 'connected' });
  }

  private async track(doc: IntegrationDoc, client: DuoClient, seen: { accountId: string; name: string; apiHostname: string | null; child: boolean }): Promise<void> {
    const key = { integrationId: doc._id, accountId: seen.accountId };
    const state = await this.accounts.upsertSeen(key, seen, initialMintime(this.clock.nowMs(), this.env.CONNECTOR_BACKFILL_DAYS));
    const target: AccountTarget = { key, client, accountParam: seen.child ? seen.accountId : undefined };
    this.jobs.track(target, usersDueIn(state, this.clock.nowMs(), this.env.CONNECTOR_USERS_INTERVAL_MS));
  }
}

function usersDueIn(state: AccountStateDoc, now: number, interval: number): number {
  return state.usersSnapshotAt ? Math.max(0, new Date(state.usersSnapshotAt).getTime() + interval - now) : 0;
}

const errorCode = (error: unknown): string => (typeof error === 'object' && error && 'code' in error && typeof error.code === 'string' ? error.code : 'CONNECTOR.DUO_UNAVAILABLE');
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
