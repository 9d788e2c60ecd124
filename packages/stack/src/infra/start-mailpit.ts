import { mkdirSync } from 'node:fs';
import {
  findMailpit,
  mailpitArgs,
  mailpitHttpUrl,
  mailpitProvision,
  provisionedMailpitPath,
} from '@seatwise/infra/mailpit';
import { waitForPort } from '@seatwise/infra/tcp';
import type { StackPaths } from '../config/paths';
import { runToCompletion, type Supervisor } from '../process/supervisor';
import { MissingToolError } from './infra-specs';

export interface MailpitUrls {
  smtpHost: string;
  smtpPort: number;
  // The web inbox where every email the alerts service sends can be read.
  inboxUrl: string;
}

export const MAILPIT_HOWTO = [
  'Mailpit (the SMTP server alert emails go to) was not found and Go is not installed to build it.',
  'Install Go >= 1.22 (https://go.dev/doc/install): Mailpit is then built once into ~/.cache/seatwise/bin',
  '  (the same way CI does, bash .ci/provision-mailpit.sh), or put a mailpit binary on PATH.',
  'Or run everything in containers: docker compose up --build',
].join('\n');

const MAILPIT_TIMEOUT_MS = 60_000;

// Mailpit as a child of the stack on 127.0.0.1, keeping its messages in the stack's directory.
export async function startMailpit(
  supervisor: Supervisor,
  paths: StackPaths,
  ports: { smtp: number; http: number },
  say: (line: string) => void,
): Promise<MailpitUrls> {
  const binary = findMailpit() ?? (await provision(supervisor, paths, say));
  mkdirSync(paths.mailpit, { recursive: true });
  const crashed = supervisor.firstUnexpectedExit();
  supervisor.start({
    name: 'mailpit',
    tier: 0,
    cwd: paths.root,
    env: { PATH: process.env['PATH'] },
    command: binary,
    args: mailpitArgs(ports, paths.mailpit),
  });
  await Promise.race([
    Promise.all([
      waitForPort('127.0.0.1', ports.smtp, { what: 'mailpit SMTP', timeoutMs: MAILPIT_TIMEOUT_MS }),
      waitForPort('127.0.0.1', ports.http, { what: 'mailpit inbox', timeoutMs: MAILPIT_TIMEOUT_MS }),
    ]),
    crashed,
  ]);
  return { smtpHost: '127.0.0.1', smtpPort: ports.smtp, inboxUrl: mailpitHttpUrl(ports) };
}

// Built on first use the way CI does (go install, cached in ~/.cache/seatwise/bin).
async function provision(supervisor: Supervisor, paths: StackPaths, say: (line: string) => void): Promise<string> {
  const how = mailpitProvision(paths.root);
  if (how === null) throw new MissingToolError(MAILPIT_HOWTO);
  say('no mailpit found: building it once with Go (a minute or two; cached in ~/.cache/seatwise/bin)');
  const built: { path: string | null } = { path: null };
  const { status, tail } = await runToCompletion(supervisor, {
    name: 'provision',
    tier: 3,
    cwd: paths.root,
    env: process.env,
    ...how,
    onStdout: (line) => {
      built.path = provisionedMailpitPath(line) ?? built.path;
      return false;
    },
  });
  if (status.code !== 0 || built.path === null) {
    const code = `bash .ci/provision-mailpit.sh, ${status.code ?? status.signal ?? '?'}`;
    throw new MissingToolError(`building Mailpit failed (${code}):\n${tail.join('\n')}\n\n${MAILPIT_HOWTO}`);
  }
  return built.path;
}
