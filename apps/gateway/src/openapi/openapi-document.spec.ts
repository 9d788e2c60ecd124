import { ALL_ROUTES } from '../routing/route-table';
import { openApiDocument } from './openapi-document';

interface Operation {
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security: unknown[];
  requestBody?: unknown;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument(ALL_ROUTES, '1.0.0') as { openapi: string; paths: Record<string, Record<string, Operation>> };

  it('has one operation per visible route, with its path parameters', () => {
    const visible = ALL_ROUTES.filter((r) => !r.hidden);
    expect(Object.values(doc.paths).flatMap((p) => Object.keys(p))).toHaveLength(visible.length);
    for (const route of visible) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op).toBeDefined();
      const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect(op?.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
      if (route.body) expect(op?.requestBody).toBeDefined();
      expect(op?.security).toEqual([{ apiKey: [] }]);
    }
  });

  it('documents list parameters and the problem responses', () => {
    const list = doc.paths['/api/v1/services']?.['get'];
    expect(list?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['accountId', 'limit', 'cursor', 'format', 'q', 'sort']));
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '429', '503', '504']));
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
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
