import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR, schemaFiles, writtenSchemaFiles } from './write-schemas';

describe('docs/schemas', () => {
  it.each(Object.entries(schemaFiles()))(
    '%s matches the zod contract (run `npm run schemas -w @seatwise/shared`)',
    (file, content) => {
      expect(readFileSync(join(SCHEMA_DIR, file), 'utf8')).toBe(content);
    },
  );

  it('has no file for an event or RPC that no longer exists (run `npm run schemas -w @seatwise/shared`)', () => {
    expect(writtenSchemaFiles()).toEqual(Object.keys(schemaFiles()).sort());
  });

  it('marks a raw Duo record field the consumers rely on as required', () => {
    const schema = JSON.parse(schemaFiles()['events/duo.authlog.schema.json']!) as {
      properties: { record: { required: string[]; properties: { user: { required: string[] } } } };
    };
    expect(schema.properties.record.required).toEqual(
      expect.arrayContaining(['txid', 'timestamp', 'user', 'application']),
    );
    expect(schema.properties.record.properties.user.required).toContain('key');
  });
});
