import { userObject } from '@seatwise/duo-simulator/data/users';
import { authEvents, type SimData } from './sim-events';

const DAY_MS = 86_400_000;

// What the auth logs say about one service of an account, recomputed from the simulator's raw records.
export interface ServiceTruth {
  name: string;
  // Users with a successful authentication (result success, event type authentication).
  users: Set<string>;
  attempts: number;
  denials: number;
  fraud: number;
  reasons: Map<string, number>;
}

// One user: the last successful authentication and the last denied or fraud attempt (ms), if any.
export interface UserTruth {
  lastSuccess?: number;
  lastDenial?: number;
}

// A user as the users snapshot published it.
export interface ProfileTruth {
  userKey: string;
  status: string;
  enrolled: boolean;
}

export interface AccountTruth {
  services: Map<string, ServiceTruth>;
  users: Map<string, UserTruth>;
  profiles: ProfileTruth[];
}

// The oracle: every account's services with their successful users, outcomes and reasons, and every
// user's last success and denial, from the records the simulator serves (not from discovery's code).
export function usageTruth(data: SimData): Map<string, AccountTruth> {
  const out = new Map<string, AccountTruth>();
  for (const account of data.world.accounts) {
    const profiles = Array.from(account.statuses, (_, i) => {
      const user = userObject(account, i, data.anchor) as { user_id: string; status: string; is_enrolled: boolean };
      return { userKey: user.user_id, status: user.status, enrolled: user.is_enrolled };
    });
    out.set(account.id, { services: new Map(), users: new Map(), profiles });
  }
  for (const events of authEvents(data)) {
    for (const { accountId, record } of events) {
      const account = out.get(accountId);
      if (!account) continue;
      const app = record.application;
      const service = account.services.get(app.key) ?? {
        name: app.name,
        users: new Set<string>(),
        attempts: 0,
        denials: 0,
        fraud: 0,
        reasons: new Map<string, number>(),
      };
      account.services.set(app.key, service);
      const user = account.users.get(record.user.key) ?? {};
      account.users.set(record.user.key, user);
      const at = record.timestamp * 1000;
      service.attempts++;
      if (record.result === 'success' && record.event_type === 'authentication') {
        service.users.add(record.user.key);
        user.lastSuccess = Math.max(user.lastSuccess ?? 0, at);
      }
      if (record.result === 'denied' || record.result === 'fraud') {
        service.denials++;
        if (record.result === 'fraud') service.fraud++;
        const reason = record.reason ?? 'unknown';
        service.reasons.set(reason, (service.reasons.get(reason) ?? 0) + 1);
        user.lastDenial = Math.max(user.lastDenial ?? 0, at);
      }
    }
  }
  return out;
}

// The rule, with the documented thresholds: fraud, or ≥ 20 % of ≥ 10 attempts denied.
export function flagsOf(service: ServiceTruth): string[] {
  const flags: string[] = [];
  if (service.fraud > 0) flags.push('fraud');
  if (service.attempts >= 10 && service.denials * 5 >= service.attempts) flags.push('denial-rate');
  return flags;
}

// Unused seats at `now` for N days: userKey → reason, for every billable user (not pending deletion)
// never enrolled, or without a successful authentication in the last N days (denied-only when attempts failed).
export function reclaimableTruth(account: AccountTruth, now: number, days: number): Map<string, string> {
  const cutoff = now - days * DAY_MS;
  const out = new Map<string, string>();
  for (const profile of account.profiles) {
    if (profile.status === 'pending deletion') continue;
    if (!profile.enrolled) {
      out.set(profile.userKey, 'never-enrolled');
      continue;
    }
    const user = account.users.get(profile.userKey) ?? {};
    if ((user.lastSuccess ?? 0) >= cutoff) continue;
    out.set(profile.userKey, (user.lastDenial ?? 0) >= cutoff ? 'denied-only' : 'inactive');
  }
  return out;
}
