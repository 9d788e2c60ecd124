import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { APP_ENV } from '@seatwise/platform/tokens';
import type { AccountKey } from '../accounts/account-key';
import { AccountStateRepository, CURSOR_CLAIM_STALE_MS } from '../accounts/account-state.repository';
import type { Env } from '@seatwise/shared/config/connector-env';
import { ConnectorMetrics } from '../metrics/connector-metrics';
import type { AccountTarget } from './account-target';
import { type FetchedPage, FetchedPages } from './fetched-pages';
import { type LogWindow, logWindow } from './log-window';
import { RecordPublisher } from './record-publisher';
import { SyncStatusService } from './sync-status.service';

const PAGE_LIMIT = 1_000;
const CLAIM_RETRY_MS = 100;

export type PageOutcome = 'more' | 'caught-up';

// One auth-log page per call: fetch after the checkpoint, publish every record (msgID = account +
// txid) and wait for JetStream's acks, and only then advance the checkpoint. A crash anywhere before
// that re-fetches the same page, whose re-publish JetStream de-duplicates; a failed publish or advance
// keeps the page for the retry (FetchedPages).
@Injectable()
export class LogSyncService {
  constructor(
    private readonly accounts: AccountStateRepository,
    private readonly records: RecordPublisher,
    private readonly status: SyncStatusService,
    private readonly metrics: ConnectorMetrics,
    private readonly pages: FetchedPages,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: Env,
  ) {}

  // `fence`: the token of this replica's lease on the account, which the cursor's advance carries.
  async syncPage(target: AccountTarget, fence: number): Promise<PageOutcome> {
    const state = await this.accounts.get(target.key);
    if (!state || state.removedAt) return 'caught-up';
    const window = logWindow(this.clock.nowMs(), state.logMintime, state.logCursor);
    if (!window) return this.caughtUp(target);
    // A page fetched for this checkpoint whose publish or advance failed is published again, not fetched again.
    const fetched =
      this.pages.take(target.key, state.logCursor, fence) ?? (await this.fetch(target, window, state.logCursor));
    this.pages.hold(target.key, state.logCursor, fence, fetched);
    const { page } = fetched;
    await this.publish(target, fetched);
    if (page.records.length === 0 || !page.nextOffset || isBehind(page.nextOffset, state.logCursor)) {
      this.pages.drop(target.key);
      return this.caughtUp(target);
    }
    // Another poller moved the cursor since this page was asked for (or holds a newer lease): read again.
    const moved = await this.advance(target.key, state.logCursor, page.nextOffset, fence);
    this.pages.drop(target.key);
    if (!moved) return 'more';
    const full = page.records.length >= PAGE_LIMIT;
    return this.progress(target, fetched.window.maxtime, Number(page.nextOffset[0]), page, full);
  }

  private async fetch(target: AccountTarget, window: LogWindow, cursor: [string, string] | null): Promise<FetchedPage> {
    const page = await target.client.authLogs({
      accountId: target.accountParam,
      ...window,
      limit: PAGE_LIMIT,
      nextOffset: cursor ?? undefined,
    });
    return { window, page, fetchedAt: this.clock.now().toISOString() };
  }

  private async publish(target: AccountTarget, { page, fetchedAt }: FetchedPage): Promise<void> {
    const { integrationId, accountId } = target.key;
    await this.records.publish(
      'duo.authlog',
      accountId,
      page.records.map((record) => ({ integrationId, accountId, record, fetchedAt })),
    );
  }

  // A busy claim is another writer's for a moment, or one a killed replica left (stale within seconds): the page is
  // already published, so wait for the claim rather than read the page from Duo again.
  private async advance(key: AccountKey, from: [string, string] | null, to: [string, string], fence: number) {
    const deadline = this.clock.nowMs() + CURSOR_CLAIM_STALE_MS + 1_000;
    for (;;) {
      const moved = await this.accounts.advanceLogCursor(key, from, to, fence);
      if (moved !== null || this.clock.nowMs() > deadline) return moved === true;
      await this.clock.sleep(CLAIM_RETRY_MS);
    }
  }

  private async progress(
    target: AccountTarget,
    maxtime: number,
    cursorMs: number,
    page: { records: unknown[]; totalObjects: number | null },
    full: boolean,
  ): Promise<PageOutcome> {
    // A page that is not full read everything up to the window's end: the account is caught up, and the age of
    // its last record is a quiet spell, not lag (an idle account showed "1 h 48 min behind" before).
    const behindMs = full ? Math.max(0, maxtime - cursorMs) : 0;
    this.trackLag(target, behindMs);
    const behindRecords = page.totalObjects === null ? null : Math.max(0, page.totalObjects - page.records.length);
    const backfilling = full && behindMs > this.env.CONNECTOR_LOG_POLL_INTERVAL_MS;
    await this.status.report(target.key, {
      syncStatus: backfilling ? 'backfilling' : full ? 'syncing' : 'idle',
      behindMs,
      behindRecords,
      error: null,
      success: true,
    });
    return full ? 'more' : 'caught-up';
  }

  private async caughtUp(target: AccountTarget): Promise<PageOutcome> {
    // An empty answer means the checkpoint is current up to now − 2 min: the lag is only Duo's own.
    this.trackLag(target, 0);
    await this.status.report(target.key, {
      syncStatus: 'idle',
      behindMs: 0,
      behindRecords: 0,
      error: null,
      success: true,
    });
    return 'caught-up';
  }

  private trackLag(target: AccountTarget, behindMs: number): void {
    this.metrics.lagSeconds.set({ account: this.metrics.account(target.key.accountId) }, behindMs / 1000);
    this.metrics.checkpointConfirmed(target.key.accountId, this.clock.nowMs());
  }
}

// Duo's cursor starts with the record's time (ms): a next offset behind ours would re-read what was published.
function isBehind(next: readonly [string, string], current: readonly [string, string] | null): boolean {
  return current !== null && Number(next[0]) < Number(current[0]);
}
