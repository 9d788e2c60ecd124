import { listingDueInMs } from './child-accounts.job';

// When a replica that takes an integration's listing over asks Duo for its child accounts (#18): a takeover (the
// holder killed or restarted) must not list again within the interval of a listing another replica made, or every
// replica restart costs Duo a listing; a changed integration must be listed at once with its new keys.
const MINUTE = 60_000;
const INTERVAL = 10 * MINUTE;
const version = new Date('2026-12-06T10:00:00Z');
const now = Date.parse('2026-12-06T12:00:00Z');

describe('listingDueInMs', () => {
  it('lists at once an integration never listed', () => {
    expect(listingDueInMs(null, version, now, INTERVAL)).toBe(0);
    expect(listingDueInMs({ lastSyncAt: null, listedVersionAt: null }, version, now, INTERVAL)).toBe(0);
  });

  // Mutation: return 0 unconditionally (the listing job before #18's fix) and this fails.
  it('waits out the interval of a listing of the same version, made by any replica', () => {
    const last = { lastSyncAt: new Date(now - 4 * MINUTE), listedVersionAt: version };
    expect(listingDueInMs(last, version, now, INTERVAL)).toBe(6 * MINUTE);
    expect(listingDueInMs(last, version, now + 7 * MINUTE, INTERVAL)).toBe(0);
  });

  // Mutation: compare lastSyncAt only (not the version listed) and this fails.
  it('lists at once when the integration changed since its last listing', () => {
    const last = { lastSyncAt: new Date(now - MINUTE), listedVersionAt: new Date(version.getTime() - 1) };
    expect(listingDueInMs(last, version, now, INTERVAL)).toBe(0);
  });
});
