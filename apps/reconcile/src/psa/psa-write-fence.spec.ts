import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SystemHostResolver } from '@seatwise/platform/outbound/host-resolver';
import { OutboundPolicy } from '@seatwise/platform/outbound/outbound-policy';
import { psaExchange } from './psa-outbound';
import { fencedTimeout, withinFence } from './psa-write-fence';

// A loopback PSA that answers each request after the delay its path names (/wait/<ms>).
async function slowPsa(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(req.url ?? '');
    const timer = setTimeout(() => res.end('{}'), Number(req.url?.split('/').pop()));
    res.on('close', () => {
      clearTimeout(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

describe('the PSA write fence', () => {
  const clock = { now: 0 };
  const fence = (deadlineMs: number) => ({ deadlineMs, nowMs: () => clock.now });

  it('leaves requests outside a push as they are', () => {
    expect(fencedTimeout(30_000, 'GET /x')).toBe(30_000);
  });

  it('cuts a request to what is left of the lease, and refuses one that could not finish in time', async () => {
    clock.now = 1_000;
    await withinFence(fence(11_000), () => {
      expect(fencedTimeout(30_000, 'PATCH /a')).toBe(10_000);
      expect(fencedTimeout(4_000, 'PATCH /a')).toBe(4_000);
      clock.now = 10_500;
      expect(fencedTimeout(30_000, 'PATCH /a')).toMatchObject({ code: 'RECONCILE.PUSH_LEASE_EXPIRED' });
      return Promise.resolve();
    });
  });

  // Mutation: without the fence in psaExchange, the slow request ran its whole 10 s timeout past the lease and
  // answered 200, and the last request reached the PSA after the lease had ended.
  describe('on every PSA exchange of a push', () => {
    let psa: Awaited<ReturnType<typeof slowPsa>>;
    let policy: OutboundPolicy;

    beforeAll(async () => {
      psa = await slowPsa();
      policy = new OutboundPolicy(
        { allowedEndpoints: [`127.0.0.1:${psa.port}`], psaHosts: [] },
        new SystemHostResolver(),
      );
    });

    afterAll(async () => {
      psa.server.closeAllConnections();
      await new Promise((resolve) => psa.server.close(resolve));
    });

    const exchange = (wait: number) =>
      psaExchange(
        policy,
        'PSA',
        `GET /wait/${wait}`,
        `http://127.0.0.1:${psa.port}/wait/${wait}`,
        { method: 'GET', headers: {} },
        10_000,
      );

    it('aborts a request still running at the deadline and starts none after it', async () => {
      const lease = { deadlineMs: Date.now() + 2_500, nowMs: () => Date.now() };
      const [quick, slow, late] = await withinFence(lease, async () => [
        await exchange(100),
        await exchange(5_000),
        await exchange(100),
      ]);
      expect(quick).toMatchObject({ ok: true });
      expect(slow).toMatchObject({ ok: false, retryable: true, error: { code: 'RECONCILE.PSA_UNAVAILABLE' } });
      expect(late).toMatchObject({ ok: false, retryable: false, error: { code: 'RECONCILE.PUSH_LEASE_EXPIRED' } });
      expect(psa.received).toEqual(['/wait/100', '/wait/5000']);
    });
  });
});
