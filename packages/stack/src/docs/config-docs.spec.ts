import { readFileSync } from 'node:fs';
import { stackEnvSchema } from '../config/stack-env';
import { demoEnvSchema } from '../demo/demo-env';
import { configDocs, describeField, documentedSchemas } from './config-docs';
import { envFields } from './env-fields';
import { configDocsPath } from './write-config-docs';

describe('docs/configuration.md', () => {
  it('matches the env schemas (run `npm run build && npm run config-docs -w @seatwise/stack`)', () => {
    expect(readFileSync(configDocsPath(), 'utf8')).toBe(configDocs());
  });

  it('describes every key of every env schema', () => {
    const undescribed = [...documentedSchemas().map((s) => s.schema), stackEnvSchema, demoEnvSchema]
      .flatMap((schema) => envFields(schema))
      .filter((field) => !describeField(field))
      .map((field) => field.key);
    expect(undescribed).toEqual([]);
  });

  it('reads defaults and required keys from the schemas themselves', () => {
    const gateway = documentedSchemas().find((s) => s.title.startsWith('gateway'));
    const fields = envFields(gateway!.schema);
    expect(fields.find((f) => f.key === 'PORT')).toMatchObject({ defaultValue: '3000', required: false });
    expect(fields.find((f) => f.key === 'NATS_URL')).toMatchObject({ defaultValue: null, required: true });
    expect(fields.find((f) => f.key === 'LOG_LEVEL')?.type).toContain('debug');
    expect(configDocs()).toContain('| `SEATWISE_DEMO` |');
  });
});
