import type {
  ActionView,
  ServiceView,
  serviceUserViewSchema,
  UserView,
  userServiceViewSchema,
} from '@seatwise/shared/contracts/discovery-views';
import type { z } from 'zod';
import type { ActionDoc } from '../inventory/actions.repository';
import { type FlagThresholds, usageFlags } from '../inventory/flag-rules';
import type { OutcomeTotals } from '../inventory/outcome-totals';
import type { ServiceDoc } from '../inventory/services.repository';
import type { UsageDoc } from '../inventory/usage.repository';
import { NEVER } from '../inventory/never';
import type { UserDoc } from '../inventory/users.repository';

// Documents as the RPCs answer them: dates as ISO strings, absent fields as null.

// Outcome counts, reasons and flags, as services and users answer them.
function outcomeView(doc: OutcomeTotals & { authCount: number }, thresholds: FlagThresholds) {
  return {
    successCount: doc.successCount,
    denialCount: doc.denialCount,
    fraudCount: doc.fraudCount,
    denialReasons: doc.denialReasons.map(({ reason, count }) => ({ reason, count })),
    flags: usageFlags({ attempts: doc.authCount, denials: doc.denialCount, fraud: doc.fraudCount }, thresholds),
  };
}

export function serviceView(doc: ServiceDoc, thresholds: FlagThresholds): ServiceView {
  return {
    id: doc._id,
    accountId: doc.accountId,
    applicationKey: doc.applicationKey,
    name: doc.name,
    userCount: doc.userCount,
    attemptedUserCount: doc.attemptedUserCount,
    authCount: doc.authCount,
    ...outcomeView(doc, thresholds),
    firstSeen: doc.firstSeen.toISOString(),
    lastSeen: doc.lastSeen.toISOString(),
    status: doc.status,
    catalog: doc.catalog,
    mergedInto: doc.mergedInto,
  };
}

const isoOrNull = (date: Date | null | undefined): string | null =>
  date && date.getTime() !== NEVER.getTime() ? date.toISOString() : null;

export function userView(doc: UserDoc, thresholds: FlagThresholds): UserView {
  return {
    id: doc._id,
    accountId: doc.accountId,
    userKey: doc.userKey,
    username: doc.username,
    realName: doc.realName ?? null,
    email: doc.email ?? null,
    status: doc.status ?? null,
    enrolled: doc.enrolled ?? null,
    lastLogin: isoOrNull(doc.lastLogin),
    groups: doc.groups ?? [],
    firstSeen: isoOrNull(doc.firstSeen),
    lastSeen: isoOrNull(doc.lastSeen),
    lastSuccess: isoOrNull(doc.lastSuccess),
    authCount: doc.authCount,
    ...outcomeView(doc, thresholds),
    serviceCount: doc.serviceCount,
    removed: Boolean(doc.removedAt),
    removedAt: isoOrNull(doc.removedAt),
  };
}

export function actionView(doc: ActionDoc): ActionView {
  return {
    id: doc._id,
    accountId: doc.accountId,
    serviceId: doc.serviceId,
    serviceName: doc.serviceName,
    action: doc.action,
    automatic: doc.automatic,
    actor: doc.actor,
    note: doc.note,
    catalog: doc.catalog,
    intoServiceId: doc.intoServiceId,
    at: doc.at.toISOString(),
  };
}

// A usage row of a service, with its user's profile (a user only seen in logs has none yet).
export function serviceUserView(row: UsageDoc, user: UserDoc | undefined): z.output<typeof serviceUserViewSchema> {
  return {
    userId: row.userId,
    userKey: row.userKey,
    username: user?.username ?? row.userKey,
    realName: user?.realName ?? null,
    email: user?.email ?? null,
    ...usageView(row),
  };
}

// A usage row of a user, with its service.
export function userServiceView(
  row: UsageDoc,
  service: ServiceDoc | undefined,
): z.output<typeof userServiceViewSchema> {
  return {
    serviceId: row.serviceId,
    applicationKey: row.applicationKey,
    name: service?.name ?? row.applicationKey,
    status: service?.status ?? 'new',
    catalog: service?.catalog ?? null,
    ...usageView(row),
  };
}

function usageView(row: UsageDoc) {
  return {
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    count: row.count,
    successCount: row.successCount,
    deniedCount: row.denialCount - row.fraudCount,
    fraudCount: row.fraudCount,
    lastSuccess: isoOrNull(row.lastSuccess),
  };
}
