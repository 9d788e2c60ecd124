import type { Clock } from '@seatwise/platform/clock/clock';
import { FETCHED_PAGE_TTL_MS, FETCHED_PAGES_MAX, type FetchedPage, FetchedPages } from './fetched-pages';

// What the connector keeps in memory of pages it fetched but could not finish with: bounded by age and by count,
// whether or not their accounts are ever polled here again.
function pages() {
  let now = Date.parse('2026-12-06T12:00:00Z');
  const clock = { now: () => new Date(now), nowMs: () => now } as Clock;
  return {
    held: new FetchedPages(clock),
    later: (ms: number) => {
      now += ms;
    },
  };
}

const fetched: FetchedPage = {
  window: { mintime: 0, maxtime: 1 },
  page: { records: [], nextOffset: null, totalObjects: 0 },
  fetchedAt: '2026-12-06T12:00:00.000Z',
};
const key = (n: number) => ({ integrationId: 'i1', accountId: `DA${n}` });

describe('FetchedPages', () => {
  it('gives a page back for the checkpoint and lease it was fetched under, once', () => {
    const { held } = pages();
    held.hold(key(1), ['1', 'a'], 7, fetched);
    expect(held.take(key(1), ['1', 'a'], 8)).toBeNull();
    held.hold(key(1), ['1', 'a'], 7, fetched);
    expect(held.take(key(1), ['1', 'a'], 7)).toEqual(fetched);
  });

  // Mutation: drop the stale sweep in letGo and the first account's page stays (size 2).
  it('lets go of stale pages of accounts never polled here again', () => {
    const { held, later } = pages();
    held.hold(key(1), null, 1, fetched);
    later(FETCHED_PAGE_TTL_MS);
    held.hold(key(2), null, 1, fetched);
    expect(held.size).toBe(1);
    expect(held.take(key(2), null, 1)).toEqual(fetched);
  });

  // Mutation: drop the count bound in letGo and every account's page stays (size MAX + 10).
  it('holds at most FETCHED_PAGES_MAX pages, letting the oldest go', () => {
    const { held, later } = pages();
    for (let n = 0; n < FETCHED_PAGES_MAX + 10; n++) {
      held.hold(key(n), null, 1, fetched);
      later(10);
    }
    expect(held.size).toBe(FETCHED_PAGES_MAX);
    expect(held.take(key(9), null, 1)).toBeNull();
    expect(held.take(key(10), null, 1)).toEqual(fetched);
    expect(held.take(key(FETCHED_PAGES_MAX + 9), null, 1)).toEqual(fetched);
  });

  it('holding an account again moves it to the newest', () => {
    const { held } = pages();
    for (let n = 0; n < FETCHED_PAGES_MAX; n++) held.hold(key(n), null, 1, fetched);
    held.hold(key(0), null, 1, fetched);
    held.hold(key(FETCHED_PAGES_MAX), null, 1, fetched);
    expect(held.take(key(0), null, 1)).toEqual(fetched);
    expect(held.take(key(1), null, 1)).toBeNull();
  });
});
