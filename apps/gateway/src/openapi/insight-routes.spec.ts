import type { INestApplication } from '@nestjs/common';
import { createOfflineApp } from './offline-app';
import { RouteCatalog } from '../routing/route-catalog';
import { type AnyRoute, requiredRole } from '../routing/route-definition';

// The routes of usage, unused seats, services across customers and catalog curation: each served,
// readable by a viewer, changed only by an admin, and the reclaimable seats exported as CSV like the
// other lists.
describe('insight routes', () => {
  let app: INestApplication;
  let routes: readonly AnyRoute[];

  beforeAll(async () => {
    app = await createOfflineApp();
    routes = app.get(RouteCatalog).routes();
  });

  afterAll(async () => {
    await app.close();
  });

  const route = (method: string, path: string): AnyRoute => {
    const found = routes.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return found;
  };

  it.each([
    ['GET', '/api/v1/discovery/seats'],
    ['GET', '/api/v1/discovery/seats/:accountId/reclaimable'],
    ['GET', '/api/v1/discovery/seats/:accountId/settings'],
    ['GET', '/api/v1/discovery/groups'],
    ['GET', '/api/v1/discovery/groups/:id'],
    ['GET', '/api/v1/catalog'],
  ])('lets a viewer read %s %s', (method, path) => {
    expect(requiredRole(route(method, path))).toBe('viewer');
  });

  it.each([
    ['PUT', '/api/v1/discovery/seats/:accountId/settings'],
    ['POST', '/api/v1/catalog'],
    ['PATCH', '/api/v1/catalog/:id'],
    ['POST', '/api/v1/services/:id/unmatch'],
    ['POST', '/api/v1/services/:id/unignore'],
  ])('lets only an admin change %s %s', (method, path) => {
    expect(requiredRole(route(method, path))).toBe('admin');
  });

  it('exports reclaimable seats and services across customers as CSV, with flat columns', () => {
    const reclaimable = route('GET', '/api/v1/discovery/seats/:accountId/reclaimable');
    expect(Object.keys(reclaimable.csvItem?.shape ?? {})).toEqual(
      expect.arrayContaining(['userKey', 'username', 'email', 'lastSuccess', 'reason']),
    );
    expect(route('GET', '/api/v1/discovery/groups').csvItem).toBeDefined();
  });

  it('rejects bad input before it goes upstream: unknown reasons, non-numeric days, non-http vendor URLs', () => {
    const reclaimable = route('GET', '/api/v1/discovery/seats/:accountId/reclaimable');
    expect(reclaimable.query?.safeParse({ reason: 'sleepy' }).success).toBe(false);
    const settings = route('PUT', '/api/v1/discovery/seats/:accountId/settings');
    expect(settings.body?.safeParse({ unusedAfterDays: -1 }).success).toBe(false);
    expect(settings.body?.safeParse({ unusedAfterDays: 45 }).success).toBe(true);
    const create = route('POST', '/api/v1/catalog');
    expect(create.body?.safeParse({ name: 'X', category: 'Y', vendorUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(create.body?.safeParse({ name: 'X', category: 'Y', vendorUrl: 'https://x.example' }).success).toBe(true);
    expect(create.body?.safeParse({ name: 'X', category: 'Y', actor: 'mallory' }).success).toBe(false);
  });
});
