import { ACCOUNT_ROUTES } from '../endpoints/account-info';
import { LOG_ROUTES } from '../endpoints/logs';
import type { Route } from '../endpoints/route';
import { USER_ROUTES } from '../endpoints/users';
import { DuoError } from '../errors';

const ROUTES: Route[] = [...LOG_ROUTES, ...USER_ROUTES, ...ACCOUNT_ROUTES];

/** The route for a request, or Duo's 404 (unknown path) / 405 (known path, other verb). */
export function findRoute(method: string, path: string): { route: Route; arg: string | undefined } {
  let pathKnown = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === method.toUpperCase()) return { route, arg: match[1] };
  }
  throw new DuoError(pathKnown ? 'methodNotAllowed' : 'notFound');
}
