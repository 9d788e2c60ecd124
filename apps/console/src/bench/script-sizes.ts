import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  path: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface ScriptSizes {
  // Largest (gzipped) first.
  files: ScriptSize[];
  rawBytes: number;
  gzipBytes: number;
}

// The gateway serves the console without compression, so the sizes on the wire are the raw ones: the gzipped
// size is measured on the same dist files the browser loaded, at zlib level 9.
export function scriptSizes(distDir: string, paths: Iterable<string>): ScriptSizes {
  const files = [...new Set(paths)].map((path): ScriptSize => {
    const content = readFileSync(distFile(distDir, path));
    return { path, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  files.sort((a, b) => b.gzipBytes - a.gzipBytes || a.path.localeCompare(b.path));
  const sum = (key: 'rawBytes' | 'gzipBytes'): number => files.reduce((total, f) => total + f[key], 0);
  return { files, rawBytes: sum('rawBytes'), gzipBytes: sum('gzipBytes') };
}

// A URL path the browser requested, as a file of the console's dist (and never outside it).
export function distFile(distDir: string, urlPath: string): string {
  const root = resolve(distDir);
  const file = resolve(join(root, decodeURIComponent(urlPath)));
  if (!file.startsWith(root + sep)) throw new Error(`${urlPath} is not a file of ${root}`);
  if (!existsSync(file)) throw new Error(`${urlPath} was served but is not in ${root}: is the build stale?`);
  return file;
}

export const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
