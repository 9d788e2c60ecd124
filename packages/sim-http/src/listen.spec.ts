import { createServer } from 'node:http';
import { closeServer, IDLE_KEEP_ALIVE_MS, listen } from './listen';

describe('listen and closeServer', () => {
  it('resolve with the picked port, and close even while a keep-alive connection is open', async () => {
    const server = createServer((_req, res) => res.end('hi'));
    const hostPort = await listen(server, 0, '127.0.0.1');
    expect(hostPort).toMatch(/^127\.0\.0\.1:\d+$/);
    const reply = await fetch(`http://${hostPort}/`, { headers: { connection: 'keep-alive' } });
    expect(await reply.text()).toBe('hi');
    // Idle connections outlive the longest back-off of Duo's Python client (32 s), as behind a load balancer.
    expect(reply.headers.get('keep-alive')).toBe(`timeout=${IDLE_KEEP_ALIVE_MS / 1000}`);
    expect(IDLE_KEEP_ALIVE_MS).toBeGreaterThanOrEqual(60_000);
    await closeServer(server);
    expect(server.listening).toBe(false);
  });

  it('rejects when the port is taken', async () => {
    const first = createServer();
    const hostPort = await listen(first, 0, '127.0.0.1');
    const second = createServer();
    try {
      await expect(listen(second, Number(hostPort.split(':')[1]), '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await closeServer(first);
    }
  });
});
