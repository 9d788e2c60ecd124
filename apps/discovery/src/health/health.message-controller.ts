import { Controller } from '@nestjs/common';
import { ReadinessService } from '@seatwise/platform/health/readiness.service';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';

@Controller()
export class HealthMessageController {
  constructor(private readonly readiness: ReadinessService) {}

  @Rpc('discovery.health')
  health(_request: RpcInput<'discovery.health'>): Promise<RpcResponse<'discovery.health'>> {
    return this.readiness.report();
  }
}
