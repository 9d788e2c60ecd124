import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { ServiceHealth } from '@seatwise/shared/contracts/rpc-definition';
import type { Response } from 'express';
import { ReadinessService } from './readiness.service';

@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  // Liveness: the process answers; dependencies are readiness's business.
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ServiceHealth> {
    const report = await this.readiness.report();
    res.status(report.ready ? 200 : 503);
    return report;
  }
}
