import { readFileSync } from 'node:fs';

// A child process's peak resident memory so far, in MB (Linux: VmHWM of /proc/<pid>/status; 0 where
// it cannot be read, e.g. after the process exited).
export function peakRssMb(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const line = status.split('\n').find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}
