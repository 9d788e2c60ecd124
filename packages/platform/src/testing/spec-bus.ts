import type { NatsConnection } from '@nats-io/transport-node';
import { connectBus } from '@seatwise/shared/bus/connect';
import { EventPublisher } from '@seatwise/shared/bus/publisher';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import type { RpcServiceName } from '../health/health-rpc.controller';

export interface SpecBus {
  nc: NatsConnection;
  // Request-reply to the services under the scope's prefix, validated like the gateway's calls.
  rpc: RpcClient;
  // Publishes events as the connector would.
  publisher: EventPublisher;
}

// A spec's own client on a test scope's bus: what it uses to call services and publish events.
export async function connectSpecBus(
  scope: { natsUrl: string; busPrefix: string },
  name: string,
  rpcTimeoutMs?: number,
): Promise<SpecBus> {
  const nc = await connectBus({ url: scope.natsUrl, name });
  return {
    nc,
    rpc: new RpcClient(nc, scope.busPrefix, rpcTimeoutMs),
    publisher: new EventPublisher(nc, scope.busPrefix),
  };
}

// The lifecycle suite's `rpcHealth` for a service: its `<name>.health` over NATS under the prefix.
export function healthOverNats(service: RpcServiceName) {
  return async (natsUrl: string, busPrefix: string): Promise<{ ready: boolean }> => {
    const bus = await connectSpecBus({ natsUrl, busPrefix }, `${service}-health-spec`);
    try {
      return await bus.rpc.request(`${service}.health`, {});
    } finally {
      await bus.nc.close();
    }
  };
}
