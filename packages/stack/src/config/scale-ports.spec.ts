import { derivedPorts, resolveScalePorts } from './scale-ports';
import { PortsInUseError } from './resolve-ports';
import type { PortKey } from './stack-env';
import { freePort } from '@seatwise/infra/ports';
import { createServer, type Server } from 'node:net';

const base: Record<PortKey, number> = {
  SEATWISE_GATEWAY_PORT: 3000,
  SEATWISE_CONNECTOR_PORT: 3001,
  SEATWISE_DISCOVERY_PORT: 3002,
  SEATWISE_RECONCILE_PORT: 3003,
  SEATWISE_ALERTS_PORT: 3004,
  SEATWISE_DUO_SIM_PORT: 3010,
  SEATWISE_PSA_SIM_PORT: 3011,
  SEATWISE_NATS_PORT: 4223,
  SEATWISE_MONGO_PORT: 27018,
  SEATWISE_MAILPIT_SMTP_PORT: 1025,
  SEATWISE_MAILPIT_HTTP_PORT: 8025,
};
const APP_KEYS: PortKey[] = ['SEATWISE_GATEWAY_PORT', 'SEATWISE_CONNECTOR_PORT'];

describe('the ports of replicas and NATS nodes', () => {
  it('are only the base ports in the default stack', () => {
    const plan = derivedPorts(base, new Set(), { replicas: 1, natsCluster: 1 }, APP_KEYS);
    expect(plan.nats.map((n) => [n.client.fixed, n.route])).toEqual([[4223, null]]);
    expect(plan.apps['SEATWISE_GATEWAY_PORT']?.map((p) => p.fixed)).toEqual([3000]);
  });

  it('put the second gateway on 3100 and the NATS nodes on 4223-4225 with routes on 6223-6225', () => {
    const plan = derivedPorts(base, new Set(), { replicas: 2, natsCluster: 3 }, APP_KEYS);
    expect(plan.apps['SEATWISE_GATEWAY_PORT']?.map((p) => p.fixed)).toEqual([3000, 3100]);
    expect(plan.apps['SEATWISE_CONNECTOR_PORT']?.map((p) => p.fixed)).toEqual([3001, 3101]);
    expect(plan.nats.map((n) => [n.client.fixed, n.route?.fixed])).toEqual([
      [4223, 6223],
      [4224, 6224],
      [4225, 6225],
    ]);
  });

  it('are any free ports, all different, where the base port is 0', async () => {
    const resolved = await resolveScalePorts(
      { ...base, SEATWISE_GATEWAY_PORT: await freePort(), SEATWISE_NATS_PORT: await freePort() },
      new Set<PortKey>(['SEATWISE_GATEWAY_PORT', 'SEATWISE_NATS_PORT']),
      { replicas: 3, natsCluster: 3 },
      ['SEATWISE_GATEWAY_PORT'],
    );
    const all = [
      ...(resolved.apps.SEATWISE_GATEWAY_PORT ?? []),
      ...resolved.nats.flatMap((n) => [n.client, n.route ?? 0]),
    ];
    expect(all).toHaveLength(9);
    expect(new Set(all).size).toBe(9);
    expect(all.every((port) => port > 0 && port !== 3100 && port !== 4224)).toBe(true);
  });

  it("names a replica's taken port and the key that moves it", async () => {
    const gateway = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(gateway + 100, '127.0.0.1', resolve));
    try {
      const error = await resolveScalePorts(
        { ...base, SEATWISE_GATEWAY_PORT: gateway },
        new Set(),
        { replicas: 2, natsCluster: 1 },
        ['SEATWISE_GATEWAY_PORT'],
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortsInUseError);
      expect((error as Error).message).toContain(
        `port ${gateway + 100} (replica 2 of SEATWISE_GATEWAY_PORT) is already in use`,
      );
      expect((error as Error).message).toContain('SEATWISE_GATEWAY_PORT=0 npm run stack');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
