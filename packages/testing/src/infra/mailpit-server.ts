import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMailpit, mailpitArgs, mailpitHttpUrl, type MailpitPorts } from '@seatwise/infra/mailpit';
import { freePort } from '@seatwise/infra/ports';
import { waitForPort } from '@seatwise/infra/tcp';

export const MAILPIT_HOWTO =
  'Mailpit is needed (an SMTP server with an HTTP API) and was not found on PATH or in ~/.cache/seatwise/bin: run bash .ci/provision-mailpit.sh (needs Go).';

export interface MailpitUrls {
  smtpHost: string;
  smtpPort: number;
  // The web inbox; its API is under /api/v1.
  httpUrl: string;
}

// A Mailpit on free ports with its own temporary database, for a test run (or one spec that wants its own).
export class MailpitServer {
  private child: ChildProcess | null = null;

  private constructor(
    private readonly binary: string,
    private readonly ports: MailpitPorts,
    private readonly dataDir: string,
  ) {}

  // null when Mailpit is not installed (the caller says how to get it).
  static async create(): Promise<MailpitServer | null> {
    const binary = findMailpit();
    if (binary === null) return null;
    const ports = { smtp: await freePort(), http: await freePort() };
    return new MailpitServer(binary, ports, mkdtempSync(join(tmpdir(), 'seatwise-mailpit-')));
  }

  get urls(): MailpitUrls {
    return { smtpHost: '127.0.0.1', smtpPort: this.ports.smtp, httpUrl: mailpitHttpUrl(this.ports) };
  }

  get description(): string {
    return `mailpit (local process, SMTP ${this.ports.smtp}, inbox ${mailpitHttpUrl(this.ports)})`;
  }

  // Resolves once both the SMTP and the HTTP listener accept connections; rejects if the process exits first.
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(this.binary, mailpitArgs(this.ports, this.dataDir), { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    // A crashed or interrupted run must not leave it behind.
    process.once('exit', () => child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2_000);
    });
    const ended = new AbortController();
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code) => {
        this.child = null;
        ended.abort();
        reject(new Error(`mailpit exited with ${code}: ${stderr}`));
      });
    });
    exited.catch(() => undefined);
    const what = 'mailpit';
    await Promise.race([
      Promise.all([
        waitForPort('127.0.0.1', this.ports.smtp, { what, signal: ended.signal }),
        waitForPort('127.0.0.1', this.ports.http, { what, signal: ended.signal }),
      ]),
      exited,
    ]);
  }

  async dispose(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
