import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventJsonSchemas, rpcJsonSchemas } from '../contracts/json-schemas';

const SUBDIRS = ['events', 'rpc'] as const;

// Writes docs/schemas/*.schema.json from the zod contracts; a unit spec fails when they drift.
export function schemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(eventJsonSchemas())) {
    files[`events/${name}.schema.json`] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  for (const [name, schema] of Object.entries(rpcJsonSchemas())) {
    files[`rpc/${name}.schema.json`] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  return files;
}

export const SCHEMA_DIR = join(__dirname, '..', '..', '..', '..', 'docs', 'schemas');

// The schema files present on disk, as `events/x.schema.json` paths.
export function writtenSchemaFiles(): string[] {
  return SUBDIRS.flatMap((dir) => {
    let names: string[];
    try {
      names = readdirSync(join(SCHEMA_DIR, dir));
    } catch {
      names = [];
    }
    return names.map((name) => `${dir}/${name}`);
  }).sort();
}

// Rewrites every schema and removes the files of events and RPCs that no longer exist.
export function writeSchemas(): number {
  const files = schemaFiles();
  for (const stale of writtenSchemaFiles().filter((file) => !(file in files))) rmSync(join(SCHEMA_DIR, stale));
  for (const [file, content] of Object.entries(files)) {
    const path = join(SCHEMA_DIR, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return Object.keys(files).length;
}

if (require.main === module) {
  process.stdout.write(`wrote ${writeSchemas()} schemas to ${SCHEMA_DIR}\n`);
}
