import type { CatalogMatch } from '@seatwise/shared/contracts/discovery-events';
import { normalizeName } from '../catalog/normalize';

// Which group a service belongs to across customers: its catalog product when matched, else its
// normalized name ("Salesforce - Production" and "salesforce" are one). An empty normalized name (a name
// of symbols only) falls back to the lower-cased name, so such services still group by name.
export function groupKeyOf(catalog: CatalogMatch | null, name: string): string {
  if (catalog) return `product:${catalog.productId}`;
  const normalized = normalizeName(name);
  return `name:${normalized.length > 0 ? normalized : encodeURIComponent(name.trim().toLowerCase() || '-')}`;
}
