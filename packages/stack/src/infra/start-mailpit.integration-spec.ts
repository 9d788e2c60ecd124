import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@seatwise/infra/ports';
import { canConnect } from '@seatwise/infra/tcp';
import { repoRoot, stackPaths } from '../config/paths';
import type { LogOutput } from '../process/log-output';
import { PidRegistry } from '../process/pid-registry';
import { Supervisor } from '../process/supervisor';
import { startMailpit } from './start-mailpit';

describe('the stack’s Mailpit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-stack-mailpit-'));
  const paths = stackPaths(repoRoot(__dirname), dir);
  const lines: string[] = [];
  const output: LogOutput = { line: (source, text) => lines.push(`[${source}] ${text}`) };
  const supervisor = new Supervisor(output, new PidRegistry(paths.pids));

  afterAll(async () => {
    await supervisor.stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on the given ports with its data in the stack directory, serves its inbox, and stops with the stack', async () => {
    const ports = { smtp: await freePort(), http: await freePort() };
    const urls = await startMailpit(supervisor, paths, ports, (line) => lines.push(line));
    expect(urls).toEqual({
      smtpHost: '127.0.0.1',
      smtpPort: ports.smtp,
      inboxUrl: `http://127.0.0.1:${ports.http}`,
    });
    const inbox = await fetch(`${urls.inboxUrl}/api/v1/messages`);
    expect(inbox.status).toBe(200);
    expect(((await inbox.json()) as { total: number }).total).toBe(0);
    expect(await canConnect('127.0.0.1', ports.smtp)).toBe(true);
    expect(existsSync(join(paths.mailpit, 'mailpit.db'))).toBe(true);

    await supervisor.stopAll();
    expect(await canConnect('127.0.0.1', ports.smtp)).toBe(false);
    expect(await canConnect('127.0.0.1', ports.http)).toBe(false);
  });
});
