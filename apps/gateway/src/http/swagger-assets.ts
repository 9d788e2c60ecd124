import { dirname } from 'node:path';

// swagger-ui-dist's directory (its package.json's folder), served as static files under /api/docs.
export function swaggerAssetsPath(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}
