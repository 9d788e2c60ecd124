import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

// Where .ci/run (and `npm run stack`) put binaries they provision, e.g. FerretDB; outside the repo.
export function seatwiseCacheBin(): string {
  return join(process.env['SEATWISE_CACHE_DIR'] ?? join(homedir(), '.cache', 'seatwise'), 'bin');
}

export function findBinary(name: string): string | null {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', seatwiseCacheBin()];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}
