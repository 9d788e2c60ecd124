import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface SourceFile {
  path: string;
  text: string;
}

// The TypeScript sources of every app and package (specs, fixtures and build outputs left out unless
// asked for), read as text for specs that check the whole tree against a contract.
export function sourceFiles(options: { specs?: boolean } = {}): SourceFile[] {
  const files: SourceFile[] = [];
  for (const top of ['apps', 'packages']) walk(join(REPO_ROOT, top), files, options.specs ?? false);
  return files;
}

function walk(dir: string, out: SourceFile[], specs: boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out, specs);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && (specs || !isSpec(path))) {
      out.push({ path: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') });
    }
  }
}

function isSpec(path: string): boolean {
  return /\.(spec|integration-spec)\.ts$/.test(path) || path.includes('/__fixtures__/') || path.includes('/__e2e__/');
}
