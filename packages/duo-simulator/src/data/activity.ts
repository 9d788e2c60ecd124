import { ACTIVITY_ACTIONS, BROWSERS, LOCATIONS } from './catalog';
import { isoMicros } from './events';
import { mix, Prng } from './hash';
import { userId, userNames } from './users';
import type { Account } from './model';

/** activity_id of activity event i (cursor lookups need it without the rest of the record). */
export function activityIdOf(account: Account, i: number): string {
  return new Prng(mix(account.activity.salt ^ 0xac71, i)).uuid();
}

/** Activity log v2 record (fact sheet section 7) for activity event i of an account. */
export function activityRecord(account: Account, i: number): Record<string, unknown> {
  const ts = account.activity.tsAt(i);
  const prng = new Prng(mix(account.activity.salt ^ 0xac71, i));
  const activityId = prng.uuid();
  const actor = prng.int(account.statuses.length);
  const target = prng.int(account.statuses.length);
  const [browser, browserVersion] = prng.pick(BROWSERS);
  const app = prng.pick(account.apps);
  return {
    access_device: {
      browser,
      browser_version: browserVersion,
      epkey: null,
      ip: { address: `198.51.100.${1 + prng.int(254)}` },
      location: prng.pick(LOCATIONS),
      os: 'Windows',
      os_version: '11',
    },
    action: { details: null, name: prng.pick(ACTIVITY_ACTIONS) },
    activity_id: activityId,
    actor: { details: '{}', key: userId(account, actor), name: userNames(account, actor).username, type: 'user' },
    akey: `DA${account.id.slice(2)}`,
    application: { key: app.key, name: app.name, type: 'sso' },
    old_target: null,
    outcome: { result: prng.chance(0.95) ? 'SUCCESS' : 'FAILURE' },
    target: { details: null, key: userId(account, target), name: userNames(account, target).username, type: 'user' },
    ts: isoMicros(ts, prng.int(1000)),
  };
}
