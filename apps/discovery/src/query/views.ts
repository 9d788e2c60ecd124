import type {
  ActionView,
  ServiceView,
  serviceUserViewSchema,
  UserView,
  userServiceViewSchema,
} from '@seatwise/shared/contracts/discovery-views';
import type { z } from 'zod';
import type { ActionDoc } from '../inventory/actions.repository';
import type { ServiceDoc } from '../inventory/services.repository';
import type { UsageDoc } from '../inventory/usage.repository';
import { NEVER, type UserDoc } from '../inventory/users.repository';

// Documents as the RPCs answer them: dates as ISO strings, absent fields as null.

export function serviceView(doc: ServiceDoc): ServiceView {
  return {
    id: doc._id,
    accountId: doc.accountId,
    applicationKey: doc.applicationKey,
    name: doc.name,
    userCount: doc.userCount,
    authCount: doc.authCount,
    successCount: doc.successCount,
    denialCount: doc.denialCount,
    firstSeen: doc.firstSeen.toISOString(),
    lastSeen: doc.lastSeen.toISOString(),
    status: doc.status,
    catalog: doc.catalog,
    mergedInto: doc.mergedInto,
  };
}

const isoOrNull = (date: Date | null | undefined): string | null =>
  date && date.getTime() !== NEVER.getTime() ? date.toISOString() : null;

export function userView(doc: UserDoc): UserView {
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
    authCount: doc.authCount,
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
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    count: row.count,
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
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    count: row.count,
  };
}
