import { groupKeyOf } from '../inventory/group-key';
import { NO_OUTCOMES } from '../inventory/outcome-totals';
import type { ServiceDoc } from '../inventory/services.repository';

// A stored service of `accountId`, used once (1 user, 1 authentication) unless `fields` say otherwise.
export function service(id: string, accountId: string, name: string, fields: Partial<ServiceDoc> = {}): ServiceDoc {
  const catalog = fields.catalog ?? null;
  return {
    _id: `${accountId}.${id}`,
    accountId,
    applicationKey: id,
    name,
    status: 'new',
    catalog,
    catalogLocked: false,
    groupKey: groupKeyOf(catalog, name),
    mergedInto: null,
    firstSeen: new Date(1_000),
    lastSeen: new Date(2_000),
    authCount: 1,
    userCount: 1,
    attemptedUserCount: 1,
    ...NO_OUTCOMES,
    lastBatch: 1,
    firstBatch: 1,
    ...fields,
  };
}
