import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The repo root: the nearest directory above this file whose package.json is the workspace root.
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isWorkspaceRoot(manifest)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no Seatwise workspace root above ${from}`);
    dir = parent;
  }
}

function isWorkspaceRoot(manifest: string): boolean {
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; workspaces?: unknown };
    return parsed.name === 'seatwise' && Array.isArray(parsed.workspaces);
  } catch {
    return false;
  }
}

export interface StackPaths {
  root: string;
  dir: string;
  nats: string;
  mongod: string;
  ferretdb: string;
  mailpit: string;
  secrets: string;
  simulators: string;
  stackFile: string;
  pids: string;
}

export function stackPaths(root: string, dir: string | undefined): StackPaths {
  const base = resolve(root, dir ?? '.seatwise');
  return {
    root,
    dir: base,
    nats: join(base, 'nats'),
    mongod: join(base, 'mongod'),
    ferretdb: join(base, 'ferretdb'),
    mailpit: join(base, 'mailpit'),
    secrets: join(base, 'secrets.json'),
    simulators: join(base, 'simulators.json'),
    stackFile: join(base, 'stack.json'),
    pids: join(base, 'pids.json'),
  };
}
