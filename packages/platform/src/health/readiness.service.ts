import { Inject, Injectable } from '@nestjs/common';
import type { ServiceHealth } from '@seatwise/shared/contracts/rpc-definition';
import { BusConnection } from '../bus/bus-connection';
import { MongoConnection } from '../db/mongo-connection';
import { Clock } from '../clock/clock';
import type { ServiceInfo } from '../service-info';
import { SERVICE_INFO } from '../tokens';

const CHECK_TIMEOUT_MS = 1_000;

@Injectable()
export class ReadinessService {
  constructor(
    private readonly bus: BusConnection,
    private readonly mongo: MongoConnection,
    private readonly clock: Clock,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
  ) {}

  async report(): Promise<ServiceHealth> {
    const [nats, mongo] = await Promise.all([this.bus.ping(CHECK_TIMEOUT_MS), this.mongo.ping(CHECK_TIMEOUT_MS)]);
    return {
      service: this.info.name,
      ready: nats && mongo,
      checks: { nats: describe(nats), mongo: describe(mongo) },
      version: this.info.version,
      uptimeSeconds: Math.round((this.clock.nowMs() - this.info.startedAt.getTime()) / 1000),
    };
  }
}

function describe(up: boolean): { up: boolean; detail?: string } {
  return up ? { up } : { up, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` };
}
