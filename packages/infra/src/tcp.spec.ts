import { closeListener, listenOn } from './__fixtures__/listener';
import { freePort } from './ports';
import { canConnect, waitForPort } from './tcp';
import { WaitTimeoutError } from './wait';

describe('tcp', () => {
  it('canConnect tells a listening port from a closed one', async () => {
    const port = await freePort();
    expect(await canConnect('127.0.0.1', port)).toBe(false);
    const server = await listenOn(port);
    try {
      expect(await canConnect('127.0.0.1', port)).toBe(true);
    } finally {
      await closeListener(server);
    }
  });

  it('waitForPort resolves once a server starts listening after the wait began', async () => {
    const port = await freePort();
    const waiting = waitForPort('127.0.0.1', port, { what: 'the late server', timeoutMs: 5_000 });
    const server = await listenOn(port);
    try {
      await expect(waiting).resolves.toBeUndefined();
    } finally {
      await closeListener(server);
    }
  });

  it('waitForPort names the server and port when nothing comes up in time', async () => {
    const port = await freePort();
    await expect(waitForPort('127.0.0.1', port, { what: 'nothing', timeoutMs: 200 })).rejects.toThrow(WaitTimeoutError);
    await expect(waitForPort('127.0.0.1', port, { what: 'nothing', timeoutMs: 200 })).rejects.toThrow(
      `nothing on 127.0.0.1:${port}`,
    );
  });
});
