import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventJsonSchemas, rpcJsonSchemas } from '../contracts/json-schemas';

// Writes docs/schemas/*.schema.json from the zod contracts; a unit spec fails when they drift.
export function schemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(eventJsonSchemas())) files[`events/${name}.schema.json`] = `${JSON.stringify(schema, null, 2)}\n`;
  for (const [name, schema] of Object.entries(rpcJsonSchemas())) files[`rpc/${name}.schema.json`] = `${JSON.stringify(schema, null, 2)}\n`;
  return files;
}

export const SCHEMA_DIR = join(__dirname, '..', '..', '..', '..', 'docs', 'schemas');

if (require.main === module) {
  for (const [file, content] of Object.entries(schemaFiles())) {
    const path = join(SCHEMA_DIR, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  process.stdout.write(`wrote ${Object.keys(schemaFiles()).length} schemas to ${SCHEMA_DIR}\n`);
}
