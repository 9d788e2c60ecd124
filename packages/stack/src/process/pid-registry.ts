import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

// `<stack dir>/pids.json`: the runner and every process group it started, rewritten on each change,
// so a runner that died without cleaning up (kill -9, power loss) has its leftovers stopped on the
// next start, and tests can check that nothing is left.
const entrySchema = z.object({ name: z.string(), pid: z.number().int().positive(), command: z.string() });
export const pidFileSchema = z.object({ runner: z.number().int().positive(), children: z.array(entrySchema) });
export type PidEntry = z.infer<typeof entrySchema>;
export type PidFile = z.infer<typeof pidFileSchema>;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPidFile(path: string): PidFile | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = pidFileSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// What the kernel says a pid runs now, to avoid killing an unrelated process that reused a stale pid.
// null where /proc is unavailable (then we do not kill).
export function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return null;
  }
}

export class PidRegistry {
  private readonly children = new Map<number, PidEntry>();

  constructor(private readonly path: string) {}

  add(entry: PidEntry): void {
    this.children.set(entry.pid, entry);
    this.write();
  }

  remove(pid: number): void {
    if (this.children.delete(pid)) this.write();
  }

  clear(): void {
    this.children.clear();
    rmSync(this.path, { force: true });
  }

  private write(): void {
    const file: PidFile = { runner: process.pid, children: [...this.children.values()] };
    writeFileSync(this.path, `${JSON.stringify(file, null, 2)}\n`);
  }
}

export interface StaleReport {
  otherRunner: number | null;
  killed: PidEntry[];
  unverified: PidEntry[];
}

// A live runner owning the dir is reported (the caller refuses to start); a dead runner's children
// that still run the command recorded for them are killed with their process group.
export function reapStale(path: string): StaleReport {
  const file = readPidFile(path);
  const report: StaleReport = { otherRunner: null, killed: [], unverified: [] };
  if (!file) return report;
  if (file.runner !== process.pid && isAlive(file.runner) && (commandLineOf(file.runner) ?? '').includes('stack')) {
    report.otherRunner = file.runner;
    return report;
  }
  for (const entry of file.children) {
    if (!isAlive(entry.pid)) continue;
    const now = commandLineOf(entry.pid);
    if (now === null || !now.startsWith(entry.command)) {
      report.unverified.push(entry);
      continue;
    }
    try {
      process.kill(-entry.pid, 'SIGKILL');
    } catch {
      process.kill(entry.pid, 'SIGKILL');
    }
    report.killed.push(entry);
  }
  rmSync(path, { force: true });
  return report;
}
