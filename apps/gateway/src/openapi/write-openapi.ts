import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openApiDocument } from './openapi-document';
import { RouteCatalog } from '../routing/route-catalog';
import { createOfflineApp } from './offline-app';

// docs/openapi.json: the document the gateway serves at /api/openapi.json, committed so the console
// can generate its API types from it without a running gateway. A unit spec fails when it drifts.
export const OPENAPI_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'openapi.json');

// The package's version, not the running process's: the file must not change from one run to the next.
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return z.object({ version: z.string() }).parse(pkg).version;
}

export async function openApiJson(): Promise<string> {
  const app = await createOfflineApp();
  try {
    const document = openApiDocument(app.get(RouteCatalog).routes(), packageVersion());
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  openApiJson().then(
    (text) => {
      writeFileSync(OPENAPI_PATH, text);
      process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
    },
    (error: unknown) => {
      process.stderr.write(
        `write-openapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
