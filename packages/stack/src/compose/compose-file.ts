import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

// docker-compose.yml as compose reads it: `${VAR:-default}` interpolated with defaults, `$$` → `$`,
// and YAML merge keys (`<<: *anchor`) applied. Only used by specs (no Docker engine here).
const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.string().optional(),
  // The user it runs as (uid:gid); the image's `node` user when absent.
  user: z.string().optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  volumes: z.array(z.string()).default([]),
  ports: z.array(z.string()).default([]),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
});
export type ComposeService = z.infer<typeof serviceSchema>;

const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.unknown().nullable()).default({}),
});
export type ComposeFile = z.infer<typeof composeSchema>;

export function interpolate(text: string, env: Record<string, string> = {}): string {
  return text
    .replace(
      /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g,
      (_, name: string, fallback: string | undefined) => env[name] ?? fallback ?? '',
    )
    .replace(/\$\$/g, '$');
}

export function readComposeFile(root: string): ComposeFile {
  const text = interpolate(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
  return composeSchema.parse(parse(text, { merge: true }));
}
