import { isAbsolute, join } from 'node:path';
import { findBinary } from './binaries';

// Mailpit: a real SMTP server that keeps what it receives and shows it through a web inbox and an HTTP API. The
// alerts service's email channels send to it in the stack and the integration specs. .ci/provision-mailpit.sh
// installs it with `go install` into the Seatwise cache (like FerretDB), where findBinary finds it.
export const MAILPIT_VERSION = 'v1.33.1';

export interface MailpitPorts {
  smtp: number;
  http: number;
}

export function findMailpit(env: NodeJS.ProcessEnv = process.env): string | null {
  return findBinary('mailpit', env);
}

// Both listeners on 127.0.0.1 only; the messages in the data directory; no release check (no network here).
export function mailpitArgs(ports: MailpitPorts, dataDir: string): string[] {
  return [
    '--smtp',
    `127.0.0.1:${ports.smtp}`,
    '--listen',
    `127.0.0.1:${ports.http}`,
    '--database',
    join(dataDir, 'mailpit.db'),
    '--disable-version-check',
    '--quiet',
  ];
}

// The web inbox, and the API under it (/api/v1/…).
export function mailpitHttpUrl(ports: Pick<MailpitPorts, 'http'>): string {
  return `http://127.0.0.1:${ports.http}`;
}

export interface MailpitProvision {
  command: string;
  args: string[];
}

// How to install it (null without Go): the script prints only the binary's absolute path on stdout.
export function mailpitProvision(repoRoot: string, env: NodeJS.ProcessEnv = process.env): MailpitProvision | null {
  if (findBinary('go', env) === null) return null;
  return { command: 'bash', args: [join(repoRoot, '.ci', 'provision-mailpit.sh')] };
}

export function provisionedMailpitPath(stdoutLine: string): string | null {
  const line = stdoutLine.trim();
  return isAbsolute(line) ? line : null;
}
