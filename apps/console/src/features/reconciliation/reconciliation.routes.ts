import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shell/root-route';
import { validateReconciliationSearch } from './reconciliation-search';

export const reconciliationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reconciliation',
  validateSearch: validateReconciliationSearch,
  component: lazyRouteComponent(() => import('./reconciliation-page'), 'ReconciliationPage'),
});
