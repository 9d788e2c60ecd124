import { createRouter, type RouterHistory } from '@tanstack/react-router';
import { alertsRoute } from '../features/alerts/alerts.routes';
import { apiKeysRoute } from '../features/api-keys/api-keys.routes';
import { auditRoute } from '../features/audit/audit.routes';
import { integrationsRoute } from '../features/integrations/integrations.routes';
import { mappingRoute } from '../features/mapping/mapping.routes';
import { overviewRoute } from '../features/overview/overview.routes';
import { reconciliationRoute } from '../features/reconciliation/reconciliation.routes';
import { saasRoutes } from '../features/saas/saas.routes';
import { rootRoute } from '../shell/root-route';
import { RouteError } from '../shell/route-error';

const routeTree = rootRoute.addChildren([
  overviewRoute,
  integrationsRoute,
  mappingRoute,
  reconciliationRoute,
  ...saasRoutes,
  alertsRoute,
  auditRoute,
  apiKeysRoute,
]);

// Tests pass a memory history; the browser uses its address bar.
export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultErrorComponent: RouteError,
    ...(history ? { history } : {}),
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
