import type { z } from 'zod';
import { stackEnvSchema } from '../config/stack-env';
import { demoEnvSchema } from '../demo/demo-env';
import { APPS } from '../services/app-specs';
import { ENV_DESCRIPTIONS } from './env-descriptions';
import { type EnvField, envFields } from './env-fields';

const GENERATED =
  '<!-- Generated from the zod env schemas by `npm run config-docs -w @seatwise/stack`; a unit spec fails when it is stale. Do not edit by hand. -->';

export interface DocumentedSchema {
  title: string;
  schema: z.ZodObject;
}

export function documentedSchemas(): DocumentedSchema[] {
  return APPS.map((app) => ({ title: `${app.name} (apps/${app.dir})`, schema: app.schema }));
}

export function describeField(field: EnvField): string | null {
  return field.description ?? ENV_DESCRIPTIONS[field.key] ?? null;
}

// docs/configuration.md: every key of the four services' env schemas and of the stack runner.
export function configDocs(): string {
  const services = documentedSchemas().map((s) => ({ title: s.title, fields: envFields(s.schema) }));
  const signature = (f: EnvField): string => JSON.stringify([f.type, f.defaultValue, f.required]);
  // Keys every service reads the same way are listed once.
  const first = services[0]?.fields ?? [];
  const common = first.filter((f) =>
    services.every((s) => s.fields.some((g) => g.key === f.key && signature(g) === signature(f))),
  );
  const commonKeys = new Set(common.map((f) => f.key));
  return [
    GENERATED,
    '',
    '# Configuration',
    '',
    'Every Seatwise service reads its configuration from environment variables only, validates all of them at start-up',
    'and exits listing every bad or missing key. The schemas are in `packages/shared/src/config/<service>-env.ts`.',
    '`npm run stack` sets the connection keys (`NATS_URL`, `MONGO_URL`, `PORT`, `HOST`), generates the secrets',
    "(`SEATWISE_ENCRYPTION_KEYS`, `SEATWISE_ADMIN_API_KEY`, each secret holder's `*_SEALING_KEY` and the gateway's",
    '`GATEWAY_SEALING_PUBLIC_KEYS`) and passes every other variable of its own environment',
    'through, so e.g. `LOG_LEVEL=debug npm run stack` works; `docker-compose.yml` sets them per service.',
    '',
    '## Every service',
    '',
    ...table(common),
    ...services.flatMap((s) => ['', `## ${s.title}`, '', ...table(s.fields.filter((f) => !commonKeys.has(f.key)))]),
    '',
    '## The local stack (`npm run stack`)',
    '',
    'Read by `packages/stack` (the runner and the docker-compose `demo` service), not by the services.',
    '',
    ...table(envFields(stackEnvSchema)),
    '',
    '## The docker-compose `demo` service',
    '',
    'The one-shot service that connects the simulated MSP through the gateway (`docker-compose.yml` sets these;',
    'the admin key comes from the generated secrets volume).',
    '',
    ...table(envFields(demoEnvSchema)),
    '',
  ].join('\n');
}

function table(fields: EnvField[]): string[] {
  if (fields.length === 0) return ['(nothing beyond the keys every service reads)'];
  return [
    '| Variable | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...fields.map((f) => `| \`${f.key}\` | ${f.type} | ${defaultCell(f)} | ${cell(describeField(f) ?? '')} |`),
  ];
}

function defaultCell(field: EnvField): string {
  if (field.defaultValue !== null) return field.defaultValue === '' ? '(empty)' : `\`${cell(field.defaultValue)}\``;
  return field.required ? '**required**' : '(unset)';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
