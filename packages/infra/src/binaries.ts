import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

// Where .ci/provision-ferretdb.sh puts what it builds: outside the repo, shared by the stack, the test harness and CI.
export function seatwiseCacheBin(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['SEATWISE_CACHE_DIR'] ?? join(homedir(), '.cache', 'seatwise'), 'bin');
}

// PATH first, then the sbin dirs Debian installs servers into (not on a normal user's PATH), then the cache.
export function findBinary(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = [...(env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', seatwiseCacheBin(env)];
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
