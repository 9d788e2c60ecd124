import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { ServiceHealth } from '@seatwise/shared/contracts/rpc-definition';
import { ReadinessService } from '@seatwise/platform/health/readiness.service';

@Controller()
export class HealthMessageController {
  constructor(private readonly readiness: ReadinessService) {}

  @MessagePattern('discovery.health')
  health(): Promise<ServiceHealth> {
    return this.readiness.report();
  }
}
