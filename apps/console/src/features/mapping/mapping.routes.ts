import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shell/root-route';

export const mappingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mapping',
  component: lazyRouteComponent(() => import('./mapping-page'), 'MappingPage'),
});
