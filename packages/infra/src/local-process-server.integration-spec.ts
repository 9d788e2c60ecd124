import { existsSync } from 'node:fs';
import { LocalProcessServer } from './local-process-server';
import { findLocalNats, natsServer } from './local-servers';
import { freePort } from './ports';
import { canConnect } from './tcp';

// Against the real nats-server the harness needs anyway: start, restart on the same port, crash report, clean-up.
describe('LocalProcessServer', () => {
  const nats = findLocalNats();
  if (nats === null) {
    throw new Error('nats-server not found (PATH, /usr/sbin, /usr/local/sbin); `bash .ci/run` installs it');
  }

  it('starts a server, restarts it on the same port, and deletes its data when disposed', async () => {
    const port = await freePort();
    const server = new LocalProcessServer(nats, port);
    try {
      await server.start();
      expect(server.url).toBe(`nats://127.0.0.1:${port}`);
      expect(await canConnect('127.0.0.1', port)).toBe(true);
      await server.kill();
      expect(await canConnect('127.0.0.1', port)).toBe(false);
      await server.restart();
      expect(await canConnect('127.0.0.1', port)).toBe(true);
    } finally {
      await server.dispose();
    }
    expect(await canConnect('127.0.0.1', port)).toBe(false);
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it('reports the log tail when the server exits before it listens', async () => {
    const port = await freePort();
    const broken = { ...natsServer(nats.binary), args: () => ['-c', '/nonexistent/seatwise-nats.conf'] };
    const server = new LocalProcessServer(broken, port);
    try {
      await expect(server.start()).rejects.toThrow(/exited with 1:\n.*seatwise-nats\.conf/s);
    } finally {
      await server.dispose();
    }
  });
});
