import type { ServiceName } from '@seatwise/shared/contracts/rpcs';

export interface ServiceInfo {
  name: ServiceName;
  version: string;
  startedAt: Date;
}
