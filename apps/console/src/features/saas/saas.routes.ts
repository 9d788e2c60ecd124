import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shell/root-route';

const saasRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/saas',
  component: lazyRouteComponent(() => import('./saas-page'), 'SaasPage'),
});
export const saasRoutes = [saasRoute];
