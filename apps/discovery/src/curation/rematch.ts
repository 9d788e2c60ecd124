import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import type { ServiceStatus } from '@seatwise/shared/contracts/discovery-views';
import { matchesDiffer } from '../catalog/saas-catalog';

interface Rematchable {
  name: string;
  status: ServiceStatus;
  catalog: CatalogMatch | null;
  catalogLocked: boolean;
  mergedInto: string | null;
}

export interface Rematch {
  catalog: CatalogMatch | null;
  status: ServiceStatus;
}

// What a new catalog version changes on a service: nothing when a person decided its match (matched,
// merged, un-matched) or when the new version matches it to the same product (the match keeps the version
// that made it); else the new match (or none), the status following it unless the service is ignored.
export function rematchOf(service: Rematchable, match: (name: string) => CatalogMatch | null): Rematch | null {
  if (service.catalogLocked || service.mergedInto !== null) return null;
  const next = match(service.name);
  if (!matchesDiffer(service.catalog, next)) return null;
  const status: ServiceStatus = service.status === 'ignored' ? 'ignored' : next ? 'known' : 'new';
  return { catalog: next, status };
}
