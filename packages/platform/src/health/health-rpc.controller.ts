import { Controller, Inject, type Type } from '@nestjs/common';
import type { ServiceName } from '@seatwise/shared/contracts/rpc-definition';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';
import { Rpc } from '../rpc/rpc.decorator';
import { ReadinessService } from './readiness.service';

export type RpcServiceName = Exclude<ServiceName, 'gateway'>;
type HealthRpc = `${RpcServiceName}.health`;

// `<service>.health` over NATS, the same readiness report as GET /health/ready: every service that
// answers request-reply serves it, so the platform registers it (see createServiceApp).
export function healthRpcController(service: RpcServiceName): Type {
  @Controller()
  class HealthRpcController {
    constructor(@Inject(ReadinessService) private readonly readiness: ReadinessService) {}

    @Rpc(`${service}.health`)
    health(_request: RpcInput<HealthRpc>): Promise<RpcResponse<HealthRpc>> {
      return this.readiness.report();
    }
  }
  return HealthRpcController;
}
