import type { EventPayload } from '@seatwise/shared/contracts/events';
import type { ActionDoc } from './actions.repository';

// The event of a catalog match, automatic (ingest) or manual (curation), built from its action log entry.
export function matchedEvent(action: ActionDoc, applicationKey: string): EventPayload<'discovery.service.matched'> {
  if (!action.catalog) throw new Error(`action ${action._id} carries no catalog match`);
  return {
    accountId: action.accountId,
    serviceId: action.serviceId,
    applicationKey,
    name: action.serviceName,
    catalog: action.catalog,
    automatic: action.automatic,
    actor: action.actor,
    actionId: action._id,
    at: action.at.toISOString(),
  };
}
