import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ServiceName } from '@seatwise/shared/contracts/rpc-definition';

export interface ServiceInfo {
  name: ServiceName;
  version: string;
  startedAt: Date;
  // This process among the service's replicas: what leases name as their holder (host, pid and a random part, so
  // a restarted process with a reused pid is another holder).
  instanceId: string;
}

export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
