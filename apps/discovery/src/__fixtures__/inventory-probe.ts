import { type ConsumerInfo, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { RpcClient } from '@seatwise/shared/bus/rpc-client';
import { streamName } from '@seatwise/shared/bus/subjects';
import { consumers } from '@seatwise/shared/contracts/consumers';
import type { ServiceView } from '@seatwise/shared/contracts/discovery-views';
import type { StreamKey } from '@seatwise/shared/contracts/streams';
import mongoose from 'mongoose';

// Reads what discovery built, through its RPCs (as the gateway would) and straight from its database.
export class InventoryProbe {
  readonly rpc: RpcClient;

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
  ) {
    this.rpc = new RpcClient(nc, prefix, 15_000);
  }

  async totalAuthCount(): Promise<number> {
    const { items } = await this.rpc.request('discovery.accounts.summary', {});
    return items.reduce((sum, a) => sum + a.authCount, 0);
  }

  async allServices(accountId: string): Promise<ServiceView[]> {
    const out: ServiceView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.rpc.request('discovery.services.list', {
        accountId,
        includeMerged: true,
        sort: 'name',
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return out;
  }

  async streamMessages(key: StreamKey): Promise<number> {
    const jsm = await jetstreamManager(this.nc);
    return (await jsm.streams.info(streamName(this.prefix, key))).state.messages;
  }

  async consumerIdle(key: StreamKey, durable: string): Promise<boolean> {
    const info = await this.consumerInfo(key, durable);
    return info.num_pending === 0 && info.num_ack_pending === 0;
  }

  // Pending, waiting for an ack and redelivered, for a timeout's message.
  async consumerState(key: StreamKey, durable: string): Promise<string> {
    const info = await this.consumerInfo(key, durable);
    return `${durable}: ${info.num_pending} pending, ${info.num_ack_pending} unacked, ${info.num_redelivered} redelivered, ${info.num_waiting} pulls waiting`;
  }

  private async consumerInfo(key: StreamKey, durable: string): Promise<ConsumerInfo> {
    const jsm = await jetstreamManager(this.nc);
    return jsm.consumers.info(streamName(this.prefix, key), durable);
  }
}

export async function consumersState(probe: InventoryProbe): Promise<string> {
  return [
    await probe.consumerState('DUO_AUTHLOGS', consumers.discoveryAuthLogs.durable),
    await probe.consumerState('DUO_USERS', consumers.discoveryUsers.durable),
  ].join('; ');
}

export async function consumersIdle(probe: InventoryProbe): Promise<boolean> {
  return (
    (await probe.consumerIdle('DUO_AUTHLOGS', consumers.discoveryAuthLogs.durable)) &&
    (await probe.consumerIdle('DUO_USERS', consumers.discoveryUsers.durable))
  );
}

// Every document of the inventories, sorted: equal dumps mean nothing changed.
export async function dumpInventories(mongoUrl: string, dbName: string): Promise<Record<string, unknown[]>> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  try {
    const out: Record<string, unknown[]> = {};
    for (const name of ['services', 'users', 'usage', 'auth_activity', 'actions']) {
      const collection = connection.collection(name);
      out[name] = await collection.find({}).sort({ _id: 1 }).toArray();
    }
    return out;
  } finally {
    await connection.close();
  }
}
