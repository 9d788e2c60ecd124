import type { ServiceName } from '@seatwise/shared/contracts/rpc-definition';

export interface ServiceInfo {
  name: ServiceName;
  version: string;
  startedAt: Date;
}
