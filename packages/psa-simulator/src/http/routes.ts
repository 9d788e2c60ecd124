import { ADDITION_ROUTES } from '../endpoints/additions';
import { READ_ROUTES } from '../endpoints/resources';
import type { Route } from '../endpoints/route';
import { SERVICE_ROUTES } from '../endpoints/service';
import { CwError } from '../errors';

// The REST base below the site, as on CW cloud (fact sheet 3.1); the codebase is the first segment.
export const CODEBASE = 'v4_6_release/';
export const API_BASE = `/${CODEBASE}apis/3.0`;

const ROUTES: Route[] = [...READ_ROUTES, ...ADDITION_ROUTES, ...SERVICE_ROUTES];

// The route for a path below API_BASE: 404 for an unknown path, 405 for a known path with another verb.
export function findRoute(method: string, path: string): { route: Route; args: string[] } {
  let known = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    known = true;
    if (route.method === method.toUpperCase()) return { route, args: match.slice(1) };
  }
  if (known) {
    throw new CwError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
  }
  throw CwError.notFound(`The requested resource ${path} was not found.`);
}
