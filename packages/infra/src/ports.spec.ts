import { closeListener, listenOn } from './__fixtures__/listener';
import { freePort, portIsFree } from './ports';

describe('ports', () => {
  it('freePort gives a port that can be bound at once', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await closeListener(await listenOn(port));
  });

  it('portIsFree is false while something listens, true once it has stopped', async () => {
    const port = await freePort();
    const server = await listenOn(port);
    try {
      expect(await portIsFree(port)).toBe(false);
    } finally {
      await closeListener(server);
    }
    expect(await portIsFree(port)).toBe(true);
  });
});
