import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSizes {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

// The gateway serves the console without compression, so the sizes on the wire are the raw ones: the gzipped
// size is measured on the same dist files the browser loaded, at zlib level 9.
export function scriptSizes(distDir: string, paths: Iterable<string>): ScriptSizes {
  const files = [...new Set(paths)].sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const path of files) {
    const content = readFileSync(distFile(distDir, path));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

// A URL path the browser requested, as a file of the console's dist (and never outside it).
export function distFile(distDir: string, urlPath: string): string {
  const root = resolve(distDir);
  const file = resolve(join(root, decodeURIComponent(urlPath)));
  if (!file.startsWith(root + sep)) {
    throw new Error(`${urlPath} is not a file of ${root}`);
  }
  if (!existsSync(file)) throw new Error(`${urlPath} was served but is not in ${root}: is the build stale?`);
  return file;
}

export const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
