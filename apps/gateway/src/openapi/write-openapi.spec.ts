import { readFileSync } from 'node:fs';
import { OPENAPI_PATH, openApiJson } from './write-openapi';

interface Document {
  info: { version: string };
  paths: Record<string, Record<string, { security: unknown[] }>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
}

describe('docs/openapi.json', () => {
  let built: string;

  beforeAll(async () => {
    built = await openApiJson();
  });

  it('matches the routes the gateway serves (run `npm run build && npm run openapi -w @seatwise/gateway`)', () => {
    let written = '';
    try {
      written = readFileSync(OPENAPI_PATH, 'utf8');
    } catch {
      // A missing file compares as empty: the same message tells how to write it.
    }
    expect(written).toBe(built);
  });

  it('is stable from one build to the next (a version from package.json, not the process)', async () => {
    expect(await openApiJson()).toBe(built);
    expect((JSON.parse(built) as Document).info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('documents the console session and both credentials', () => {
    const doc = JSON.parse(built) as Document;
    expect(Object.keys(doc.paths['/api/v1/session'] ?? {}).sort()).toEqual(['delete', 'get', 'post']);
    expect(doc.components.securitySchemes).toMatchObject({
      apiKey: { type: 'http' },
      session: { type: 'apiKey', in: 'cookie', name: 'seatwise_session' },
    });
    expect(doc.paths['/api/v1/integrations']?.['get']?.security).toEqual([{ apiKey: [] }, { session: [] }]);
  });
});
