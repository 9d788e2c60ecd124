import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@seatwise/platform/bus/event-bus';
import { Clock } from '@seatwise/platform/clock/clock';
import { LOGGER } from '@seatwise/platform/tokens';
import type { Logger } from '@seatwise/shared/logging/logger';
import type { SyncStatus } from '@seatwise/shared/contracts/integration-events';
import { type AccountKey, accountKeyId } from '../accounts/account-key';
import { AccountStateRepository } from '../accounts/account-state.repository';
import { KeyedSerializer } from '@seatwise/platform/db/keyed-serializer';
import { aggregateStatus } from './aggregate-status';

export interface StatusUpdate {
  syncStatus: SyncStatus;
  behindMs: number | null;
  behindRecords: number | null;
  error: { code: string; message: string } | null;
  success: boolean;
}

// Progress inside one state is published at most this often, so a long backfill reports how far
// behind it is without an event per page.
const PROGRESS_EVERY_MS = 10_000;

@Injectable()
export class SyncStatusService {
  private readonly lastPublished = new Map<string, number>();
  private readonly reports = new KeyedSerializer();
  private readonly lastIntegrationStatus = new Map<string, string>();

  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async isInError(key: AccountKey): Promise<boolean> {
    return (await this.accounts.get(key))?.syncStatus === 'error';
  }

  // Reports of one account run one after another, so revisions are published in order and a change
  // is never lost to a concurrent report that read the same revision.
  report(key: AccountKey, update: StatusUpdate): Promise<void> {
    const id = accountKeyId(key);
    return this.reports.run(id, () => this.apply(key, id, update));
  }

  private async apply(key: AccountKey, id: string, update: StatusUpdate): Promise<void> {
    const state = await this.accounts.get(key);
    if (!state) return;
    const now = this.clock.now();
    const changed =
      state.syncStatus !== update.syncStatus || (state.lastError?.code ?? null) !== (update.error?.code ?? null);
    const publish = changed || now.getTime() - (this.lastPublished.get(id) ?? 0) >= PROGRESS_EVERY_MS;
    const lastSuccessAt = update.success ? now : state.lastSuccessAt;
    const after = await this.accounts.updateStatus(
      key,
      {
        syncStatus: update.syncStatus,
        behindMs: update.behindMs,
        behindRecords: update.behindRecords,
        lastError: update.error ? { ...update.error, at: now } : null,
        lastSuccessAt,
      },
      publish,
    );
    if (!after || !publish) return;
    this.lastPublished.set(id, now.getTime());
    await this.bus
      .publish('integration.sync-status', {
        integrationId: key.integrationId,
        accountId: key.accountId,
        syncStatus: update.syncStatus,
        behindMs: update.behindMs,
        behindRecordsEstimate: update.behindRecords,
        error: update.error,
        lastSuccessAt: lastSuccessAt ? new Date(lastSuccessAt).toISOString() : null,
        at: now.toISOString(),
        revision: after.statusRevision,
      })
      // A lost status event is not worth failing the sync for; the next change publishes again.
      .catch((error: unknown) => {
        this.logger.warn({ err: error, account: id }, 'sync-status event not published');
      });
    // The aggregate can only move when an account's status or error did: not on every page.
    if (changed) await this.publishIntegration(key.integrationId, now);
  }

  // The integration's own status (accountId null) is that of its least advanced account; it is
  // published when it changes. Its revision is the clock, so it also grows across restarts.
  private async publishIntegration(integrationId: string, now: Date): Promise<void> {
    const accounts = await this.accounts.listActive(integrationId);
    const syncStatus = aggregateStatus({ status: 'connected' }, accounts);
    const errored = accounts.find((a) => a.syncStatus === 'error');
    const error = errored?.lastError
      ? { code: errored.lastError.code, message: `${errored.accountId}: ${errored.lastError.message}` }
      : null;
    const signature = `${syncStatus}|${error?.code ?? ''}`;
    if (this.lastIntegrationStatus.get(integrationId) === signature) return;
    this.lastIntegrationStatus.set(integrationId, signature);
    const behind = accounts.map((a) => a.behindMs).filter((ms): ms is number => ms !== null);
    const successes = accounts.map((a) => a.lastSuccessAt).filter((at): at is Date => at !== null);
    await this.bus
      .publish('integration.sync-status', {
        integrationId,
        accountId: null,
        syncStatus,
        behindMs: behind.length > 0 ? Math.max(...behind) : null,
        behindRecordsEstimate: null,
        error,
        // The integration is current up to its least recently successful account.
        lastSuccessAt:
          successes.length === accounts.length && successes.length > 0
            ? new Date(Math.min(...successes.map((d) => new Date(d).getTime()))).toISOString()
            : null,
        at: now.toISOString(),
        revision: now.getTime(),
      })
      .catch((publishError: unknown) => {
        this.lastIntegrationStatus.delete(integrationId);
        this.logger.warn(
          { err: publishError, integration: integrationId },
          'integration sync-status event not published',
        );
      });
  }
}
