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
  // How many containers of the service `up` starts (docker-compose.scale.yml: 2).
  deploy: z.object({ replicas: z.number().int().min(0) }).optional(),
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

// One file, or several as `docker compose -f a.yml -f b.yml` merges them (each later file over the ones before).
export function readComposeFile(root: string, files: readonly string[] = ['docker-compose.yml']): ComposeFile {
  const merged = files
    .map((file) => parse(interpolate(readFileSync(join(root, file), 'utf8')), { merge: true }) as unknown)
    .reduce((base, next) => mergeCompose(base, next, []));
  return composeSchema.parse(merged);
}

// Compose's merge of files: mappings key by key, `ports` appended, `volumes` by the path mounted in the container;
// any other sequence (command, healthcheck.test) and scalar is replaced. Our files use nothing else.
export function mergeCompose(base: unknown, next: unknown, path: readonly string[]): unknown {
  const key = path[path.length - 1];
  if (Array.isArray(base) && Array.isArray(next) && (key === 'ports' || key === 'volumes') && path.length === 3) {
    const target = (entry: unknown): string => (key === 'volumes' ? String(entry).split(':')[1] : String(entry)) ?? '';
    const kept = (base as unknown[]).filter((b) => !(next as unknown[]).some((n) => target(n) === target(b)));
    return [...kept, ...(next as unknown[])];
  }
  if (isMapping(base) && isMapping(next)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, value] of Object.entries(next)) {
      out[k] = k in base ? mergeCompose(base[k], value, [...path, k]) : value;
    }
    return out;
  }
  return next;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
