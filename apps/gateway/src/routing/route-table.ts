import { eventRoutes } from '../events/events.routes';
import { metricsRoutes } from '../metrics/metrics.controller';
import { docsRoutes } from '../openapi/docs.routes';
import { accountRoutes } from '../resources/accounts/accounts.routes';
import { apiKeyRoutes } from '../resources/api-keys/api-keys.routes';
import { discoveryRoutes } from '../resources/discovery/discovery.routes';
import { integrationRoutes } from '../resources/integrations/integrations.routes';
import { mappingRoutes } from '../resources/mappings/mappings.routes';
import { psaRoutes } from '../resources/psa/psa.routes';
import { reconciliationRoutes } from '../resources/reconciliation/reconciliation.routes';
import { serviceRoutes } from '../resources/services/services.routes';
import { syncRunRoutes } from '../resources/sync-runs/sync-runs.routes';
import { userRoutes } from '../resources/users/users.routes';
import type { AnyRoute } from './route-definition';

// Every route the gateway serves: the OpenAPI document is generated from this list.
export const ALL_ROUTES: readonly AnyRoute[] = [
  ...Object.values(integrationRoutes),
  ...Object.values(accountRoutes),
  ...Object.values(serviceRoutes),
  ...Object.values(userRoutes),
  ...Object.values(discoveryRoutes),
  ...Object.values(psaRoutes),
  ...Object.values(mappingRoutes),
  ...Object.values(reconciliationRoutes),
  ...Object.values(syncRunRoutes),
  ...Object.values(apiKeyRoutes),
  ...Object.values(eventRoutes),
  ...Object.values(metricsRoutes),
  ...Object.values(docsRoutes),
] as AnyRoute[];
