import { Controller } from '@nestjs/common';
import { ReadinessService } from '@seatwise/platform/health/readiness.service';
import { Rpc } from '@seatwise/platform/rpc/rpc.decorator';
import type { RpcInput, RpcResponse } from '@seatwise/shared/contracts/rpcs';

@Controller()
export class HealthMessageController {
  constructor(private readonly readiness: ReadinessService) {}

  @Rpc('duo-connector.health')
  health(_request: RpcInput<'duo-connector.health'>): Promise<RpcResponse<'duo-connector.health'>> {
    return this.readiness.report();
  }
}
