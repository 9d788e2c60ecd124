import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shell/root-route';
import { parseMappingSearch } from './mapping-search';

export const mappingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mapping',
  validateSearch: parseMappingSearch,
  component: lazyRouteComponent(() => import('./mapping-page'), 'MappingPage'),
});
