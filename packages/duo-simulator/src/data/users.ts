import { FIRST_NAMES, LAST_NAMES, PHONES } from './catalog';
import { mix, Prng, unit } from './hash';
import type { Account } from './model';

// Duo's user statuses (fact sheet 4.2). Codes index this list.
export const STATUSES = ['active', 'bypass', 'disabled', 'locked out', 'pending deletion'] as const;
export type UserStatus = (typeof STATUSES)[number];
export const PENDING_DELETION = 4;

// Cumulative shares: 80% active, 4% bypass, 6% disabled, 3% locked out, 7% pending deletion.
const STATUS_CUTS = [0.8, 0.84, 0.9, 0.93, 1];

export function userStatuses(salt: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const u = unit(mix(salt ^ 0x5157, i));
    out[i] = STATUS_CUTS.findIndex((cut) => u < cut);
  }
  return out;
}

/**
 * user_id = "DU" + 12 account-specific chars + the index in base 36 (6 chars), so an id maps back to its user
 * without an index table; the result still looks like Duo's 20-char ids.
 */
export function userId(account: Account, index: number): string {
  return `DU${account.id.slice(2, 14)}${index.toString(36).toUpperCase().padStart(6, '0')}`;
}

export function userIndexOf(account: Account, id: string): number | undefined {
  if (id.length !== 20 || !id.startsWith(`DU${account.id.slice(2, 14)}`)) return undefined;
  const tail = id.slice(14);
  if (!/^[0-9A-Z]{6}$/.test(tail)) return undefined;
  const index = parseInt(tail, 36);
  return index < account.statuses.length ? index : undefined;
}

export function userNames(account: Account, index: number): { first: string; last: string; username: string } {
  const prng = new Prng(mix(account.salt ^ 0x0a3e, index));
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const username = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + (index >= 24 ? String(index) : '');
  return { first, last, username };
}

export function userEmail(account: Account, index: number): string {
  return `${userNames(account, index).username}@${account.domain}`;
}

/** The user's group names (0–3 of the account's groups), also reported on auth events. */
export function userGroups(account: Account, index: number): { id: string; name: string }[] {
  const prng = new Prng(mix(account.salt ^ 0x6e0f, index));
  return account.groups.filter(() => prng.chance(0.3)).slice(0, 3);
}

/** Full Duo user object for GET /admin/v1/users[/:id]. `anchor` dates creation and logins. */
export function userObject(account: Account, index: number, anchor: number): Record<string, unknown> {
  const prng = new Prng(mix(account.salt ^ 0x7777, index));
  const { first, last, username } = userNames(account, index);
  const status = STATUSES[account.statuses[index] ?? 0] ?? 'active';
  const enrolled = status !== 'pending deletion' && prng.chance(0.9);
  const created = Math.floor(anchor / 1000) - 86_400 * (30 + prng.int(900));
  const phone = PHONES[prng.int(PHONES.length)] ?? PHONES[0];
  return {
    user_id: userId(account, index),
    username,
    realname: `${first} ${last}`,
    firstname: first,
    lastname: last,
    email: userEmail(account, index),
    status,
    is_enrolled: enrolled,
    created,
    last_login: enrolled && prng.chance(0.95) ? created + prng.int(Math.floor(anchor / 1000) - created) : null,
    last_directory_sync: null,
    notes: '',
    lockout_reason: status === 'locked out' ? 'Failed Attempts' : null,
    alias1: null,
    alias2: null,
    alias3: null,
    alias4: null,
    aliases: {},
    groups: userGroups(account, index).map((g) => ({
      group_id: g.id,
      name: g.name,
      desc: '',
      status: 'Active',
      push_enabled: false,
      sms_enabled: false,
      voice_enabled: false,
      mobile_otp_enabled: false,
    })),
    phones: enrolled
      ? [
          {
            phone_id: `DP${prng.id(18)}`,
            number: `+1555${String(1_000_000 + prng.int(8_999_999))}`,
            extension: '',
            name: '',
            type: 'Mobile',
            platform: phone[1],
            model: phone[0],
            activated: true,
            capabilities: ['auto', 'push', 'sms', 'phone', 'mobile_otp'],
          },
        ]
      : [],
    tokens: [],
    u2ftokens: [],
    webauthncredentials: [],
    desktoptokens: [],
  };
}
