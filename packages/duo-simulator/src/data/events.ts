import { BROWSERS, DENIAL_REASONS, LOCATIONS, OSES, PHONES, SUCCESS_FACTORS } from './catalog';
import { mix, Prng, unit } from './hash';
import { userEmail, userGroups, userId, userNames } from './users';
import type { Account } from './model';

/** Who did event i and where: cheap enough to run over a million events for the ground truth. */
export function eventCore(account: Account, i: number): { user: number; app: number } {
  const h = mix(account.auth.salt ^ 0x1234, i);
  // Squaring skews activity toward low indices: a few heavy users and a few dominant apps, like real tenants.
  const user = Math.floor(unit(h) ** 2 * account.statuses.length);
  const app = Math.floor(unit(mix(h, 7)) ** 1.7 * account.apps.length);
  return { user, app };
}

/** Duo's isotimestamp: microsecond precision and a +00:00 suffix (duo_log_sync parses exactly that). */
export function isoMicros(ms: number, micros: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}+00:00`;
}

function outcome(prng: Prng, status: number): { result: string; reason: string; factor: string } {
  if (status === 2) return { result: 'denied', reason: 'user_disabled', factor: 'not_available' };
  if (status === 3) return { result: 'denied', reason: 'locked_out', factor: 'not_available' };
  if (status === 1) return { result: 'success', reason: 'bypass_user', factor: 'not_available' };
  const roll = prng.next();
  if (roll < 0.003) return { result: 'fraud', reason: 'user_marked_fraud', factor: 'duo_push' };
  if (roll < 0.08) return { result: 'denied', reason: prng.pick(DENIAL_REASONS), factor: prng.pick(SUCCESS_FACTORS) };
  const factor = prng.pick(SUCCESS_FACTORS);
  const reason =
    factor === 'remembered_device' || factor === 'trusted_network'
      ? factor
      : factor === 'duo_push' || factor === 'phone_call'
        ? 'user_approved'
        : 'valid_passcode';
  return { result: 'success', reason, factor };
}

function accessDevice(prng: Prng, location: (typeof LOCATIONS)[number]): Record<string, unknown> {
  const [browser, browserVersion] = prng.pick(BROWSERS);
  const [os, osVersion] = prng.pick(OSES);
  const known = prng.chance(0.8);
  return {
    browser,
    browser_version: browserVersion,
    epkey: null,
    flash_version: 'uninstalled',
    hostname: null,
    ip: `198.51.100.${1 + prng.int(254)}`,
    is_encryption_enabled: known ? prng.chance(0.9) : 'unknown',
    is_firewall_enabled: known ? prng.chance(0.8) : 'unknown',
    is_password_set: known ? true : 'unknown',
    java_version: 'uninstalled',
    location,
    os,
    os_version: osVersion,
    security_agents: known ? [] : 'unknown',
  };
}

/** Full authentication log record (v2 shape, fact sheet 4.1) for event i of an account. */
export function authRecord(account: Account, i: number): Record<string, unknown> {
  const ts = account.auth.tsAt(i);
  const core = eventCore(account, i);
  const prng = new Prng(mix(account.auth.salt ^ 0xe7e7, i));
  const txid = prng.uuid();
  const enrollment = prng.chance(0.01);
  const status = account.statuses[core.user] ?? 0;
  const { result, reason, factor } = enrollment
    ? { result: 'success', reason: '', factor: 'not_available' }
    : outcome(prng, status);
  const location = prng.pick(LOCATIONS);
  const phone = prng.pick(PHONES);
  const email = userEmail(account, core.user);
  const app = account.apps[core.app];
  return {
    access_device: accessDevice(prng, location),
    adaptive_trust_assessments: {},
    alias: '',
    application: { key: app?.key ?? '', name: app?.name ?? '' },
    auth_device: enrollment
      ? { ip: null, key: null, location: {}, name: 'Unknown' }
      : { ip: `203.0.113.${1 + prng.int(254)}`, key: `DP${prng.id(18)}`, location, name: `${phone[0]} (+1 555-0100)` },
    email: prng.chance(0.97) ? email : null,
    event_type: enrollment ? 'enrollment' : 'authentication',
    factor,
    isotimestamp: isoMicros(ts, prng.int(1000)),
    ood_software: null,
    reason: enrollment ? null : reason,
    result,
    timestamp: Math.floor(ts / 1000),
    trusted_endpoint_status: prng.pick(['not trusted', 'unknown', 'trusted']),
    txid,
    user: {
      groups: userGroups(account, core.user).map((g) => g.name),
      key: userId(account, core.user),
      name: userNames(account, core.user).username,
    },
  };
}

/** The txid of event i without building the rest of the record (cursor lookups). */
export function txidOf(account: Account, i: number): string {
  return new Prng(mix(account.auth.salt ^ 0xe7e7, i)).uuid();
}
