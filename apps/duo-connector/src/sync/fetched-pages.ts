import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { type AccountKey, accountKeyId } from '../accounts/account-key';
import type { AuthLogsPage } from '../duo/duo-client';
import type { LogWindow } from './log-window';

// A page counts for the checkpoint it was asked after, under the lease it was asked with, for this long: past it, a
// retry asks Duo again (records may have arrived within the window since).
export const FETCHED_PAGE_TTL_MS = 5 * 60_000;
// A page of 1,000 auth-log records is one to two MB in memory. During an outage every account this replica polls
// holds one; an MSP's hundreds of accounts would hold hundreds of MB. Past this many, the oldest is let go (its
// retry asks Duo again, as before pages were held).
export const FETCHED_PAGES_MAX = 32;

export interface FetchedPage {
  window: LogWindow;
  page: AuthLogsPage;
  // When Duo answered (each record's fetchedAt, the same when it is published again).
  fetchedAt: string;
}

interface Held extends FetchedPage {
  after: string;
  fence: number;
  at: number;
}

// The auth-log page an account's poll fetched but could not finish with (its publish or its checkpoint failed: NATS
// or the database down, #18). The retry re-publishes it (JetStream drops the duplicates by msgID) instead of asking
// Duo for it again: during an outage the poll retries every few seconds, and each retry cost Duo one more request.
// One page per account, in memory: a replica that dies loses it, and its successor asks Duo (once). A page is let go
// when it is stale or the oldest of too many (FETCHED_PAGES_MAX): an account taken over by another replica, or
// removed, is never asked for again here.
@Injectable()
export class FetchedPages {
  private readonly pages = new Map<string, Held>();

  constructor(private readonly clock: Clock) {}

  // The page held for this checkpoint and lease, if it is still fresh.
  take(key: AccountKey, cursor: readonly [string, string] | null, fence: number): FetchedPage | null {
    const held = this.pages.get(accountKeyId(key));
    if (!held) return null;
    const usable = held.after === checkpoint(cursor) && held.fence === fence && this.fresh(held);
    if (!usable) this.pages.delete(accountKeyId(key));
    return usable ? { window: held.window, page: held.page, fetchedAt: held.fetchedAt } : null;
  }

  hold(key: AccountKey, cursor: readonly [string, string] | null, fence: number, fetched: FetchedPage): void {
    const id = accountKeyId(key);
    // Deleted first, so the map's order stays the order pages were held in (oldest first).
    this.pages.delete(id);
    this.letGo();
    this.pages.set(id, { ...fetched, after: checkpoint(cursor), fence, at: this.clock.nowMs() });
  }

  get size(): number {
    return this.pages.size;
  }

  // Done with the account's page: its checkpoint moved, or the account is caught up.
  drop(key: AccountKey): void {
    this.pages.delete(accountKeyId(key));
  }

  // Stale pages, then the oldest until there is room for one more.
  private letGo(): void {
    for (const [id, held] of this.pages) if (!this.fresh(held)) this.pages.delete(id);
    for (const id of this.pages.keys()) {
      if (this.pages.size < FETCHED_PAGES_MAX) break;
      this.pages.delete(id);
    }
  }

  private fresh(held: Held): boolean {
    return this.clock.nowMs() - held.at < FETCHED_PAGE_TTL_MS;
  }
}

function checkpoint(cursor: readonly [string, string] | null): string {
  return cursor === null ? '' : `${cursor[0]}|${cursor[1]}`;
}
