import { isAbsolute, join } from 'node:path';
import { findBinary } from './binaries';

// FerretDB stands in for mongod where there is none. .ci/provision-ferretdb.sh builds it once with Go into the
// Seatwise cache, exactly as CI does (see the script for why it is not a plain `go install`), and reuses it after.
// The caller runs the command (the stack does so under its supervisor, so the build's output is prefixed like
// every other process's and a Ctrl-C stops it too).
export interface FerretdbBuild {
  command: string;
  args: string[];
}

// null when Go is missing, so FerretDB cannot be built here.
export function ferretdbBuild(repoRoot: string, env: NodeJS.ProcessEnv = process.env): FerretdbBuild | null {
  if (findBinary('go', env) === null) return null;
  return { command: 'bash', args: [join(repoRoot, '.ci', 'provision-ferretdb.sh')] };
}

// The script logs to stderr and prints only the binary's absolute path on stdout.
export function builtFerretdbPath(stdoutLine: string): string | null {
  const line = stdoutLine.trim();
  return isAbsolute(line) ? line : null;
}
