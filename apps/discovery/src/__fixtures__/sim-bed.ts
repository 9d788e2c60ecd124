import type { NatsConnection } from '@nats-io/transport-node';
import type { DuoSimOptions } from '@seatwise/duo-simulator/options';
import { connectSpecBus } from '@seatwise/platform/testing/spec-bus';
import type { EventPublisher } from '@seatwise/shared/bus/publisher';
import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import { InventoryProbe } from './inventory-probe';
import { type SimData, startSimData } from './sim-events';

// What the end-to-end specs run discovery against: simulated Duo data, a scope of their own (bus
// prefix, database), a bus connection to publish on and read back through; close() releases them.
export interface SimBed {
  data: SimData;
  scope: TestScope;
  nc: NatsConnection;
  publisher: EventPublisher;
  probe: InventoryProbe;
  close(): Promise<void>;
}

// `seed` seeds the simulated data and names the bus connection.
export async function startSimBed(seed: string, options: Omit<DuoSimOptions, 'seed'>): Promise<SimBed> {
  const data = await startSimData({ seed, ...options });
  const scope = createTestScope();
  const { nc, publisher } = await connectSpecBus(scope, seed);
  return {
    data,
    scope,
    nc,
    publisher,
    probe: new InventoryProbe(nc, scope.busPrefix),
    close: async () => {
      await nc.close();
      await data.sim.close();
      await scope.cleanup();
    },
  };
}
