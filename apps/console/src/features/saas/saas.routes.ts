import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shell/root-route';
import { parseSaasSearch } from './saas-search';

const saasRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/saas',
  validateSearch: parseSaasSearch,
  component: lazyRouteComponent(() => import('./saas-page'), 'SaasPage'),
});

const serviceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/saas/services/$serviceId',
  component: lazyRouteComponent(() => import('./service-page'), 'ServicePage'),
});

const userRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/saas/users/$userId',
  component: lazyRouteComponent(() => import('./user-page'), 'UserPage'),
});

// One service across every customer account (a catalog product, or an unmatched name).
const groupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/saas/groups/$groupId',
  component: lazyRouteComponent(() => import('./group-page'), 'GroupPage'),
});

export const saasRoutes = [saasRoute, serviceRoute, userRoute, groupRoute];
