import type { INestApplication } from '@nestjs/common';
import { type ServedRoute, createOfflineApp, servedRoutes } from './offline-app';
import { RouteCatalog } from '../routing/route-catalog';
import type { AnyRoute } from '../routing/route-definition';
import { openApiDocument } from './openapi-document';

interface Operation {
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security: unknown[];
  requestBody?: unknown;
}

type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
const key = (route: ServedRoute): string => `${route.method} ${openApiPath(route.path)}`;

// The document is built from the routes the running app's controllers declare, and checked against
// the routes Express actually dispatches: a served route the document misses fails here.
describe('OpenAPI document', () => {
  let app: INestApplication;
  let routes: readonly AnyRoute[];
  let served: ServedRoute[];
  let doc: Document;

  beforeAll(async () => {
    app = await createOfflineApp();
    routes = app.get(RouteCatalog).routes();
    served = servedRoutes(app);
    doc = openApiDocument(routes, '1.0.0') as Document;
  });

  afterAll(async () => {
    await app.close();
  });

  it('documents every route the app serves under /api/v1, and only those', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const api = served.filter((r) => r.path.startsWith('/api/v1/')).map(key);
    expect(api.length).toBeGreaterThan(50);
    expect([...documented].filter((op) => op.includes(' /api/v1')).sort()).toEqual([...api].sort());
    expect(documented).toContain('GET /metrics');
  });

  it('serves every route it knows, and leaves out of the document only the docs themselves', () => {
    const servedKeys = new Set(served.map(key));
    for (const route of routes) expect(servedKeys).toContain(key(route));
    expect(routes.filter((r) => r.hidden).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/openapi.json', '/api/docs', '/api/docs/seatwise-init.js']),
    );
    expect(routes.filter((r) => r.hidden).every((r) => !r.path.startsWith('/api/v1'))).toBe(true);
  });

  it('has one operation per visible route, with its path parameters', () => {
    const visible = routes.filter((r) => !r.hidden);
    expect(Object.values(doc.paths).flatMap((p) => Object.keys(p))).toHaveLength(visible.length);
    for (const route of visible) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(op).toBeDefined();
      const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect(op?.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
      if (route.body) expect(op?.requestBody).toBeDefined();
      expect(op?.security).toEqual(route.auth === false ? [] : [{ apiKey: [] }, { session: [] }]);
    }
  });

  it('documents list parameters and the problem responses', () => {
    const list = doc.paths['/api/v1/services']?.['get'];
    expect(list?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['accountId', 'limit', 'cursor', 'format', 'q', 'sort']),
    );
    expect(Object.keys(list?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '429', '503', '504']),
    );
  });

  it('documents the console session: public sign-in, its 401, a sign-out without content', () => {
    const session = doc.paths['/api/v1/session'];
    expect(Object.keys(session?.['post']?.responses ?? {})).toEqual(['201', '400', '401', '429', '503']);
    expect(session?.['post']?.security).toEqual([]);
    expect(session?.['delete']?.responses['204']).toEqual({ description: 'No content' });
  });

  it('names the fixed resources', () => {
    for (const path of [
      '/api/v1/integrations/{id}/sync',
      '/api/v1/accounts',
      '/api/v1/services/{id}/users',
      '/api/v1/discovery/actions',
      '/api/v1/users/{id}/services',
      '/api/v1/psa/connections',
      '/api/v1/psa/import',
      '/api/v1/psa/companies',
      '/api/v1/psa/products',
      '/api/v1/mappings/accounts',
      '/api/v1/mappings/services',
      '/api/v1/reconciliation',
      '/api/v1/reconciliation/approve',
      '/api/v1/sync-runs',
      '/api/v1/audit',
      '/api/v1/events',
      '/api/v1/api-keys',
      '/api/v1/session',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
