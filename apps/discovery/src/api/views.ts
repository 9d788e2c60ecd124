import type { ActionView, ServiceView, UserView } from '@seatwise/shared/contracts/discovery-views';
import type { ActionDoc } from '../db/actions.repository';
import type { ServiceDoc } from '../db/services.repository';
import { NEVER, type UserDoc } from '../db/users.repository';

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

const isoOrNull = (date: Date | null | undefined): string | null => (date && date.getTime() !== NEVER.getTime() ? date.toISOString() : null);

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
    note: doc.note ?? null,
    catalog: doc.catalog ?? null,
    intoServiceId: doc.intoServiceId ?? null,
    at: doc.at.toISOString(),
  };
}
