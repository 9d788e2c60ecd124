import { Module } from '@nestjs/common';
import { HealthMessageController } from './health.message-controller';

// Readiness over the bus; the HTTP health routes and ReadinessService come from the global PlatformModule.
@Module({ controllers: [HealthMessageController] })
export class HealthModule {}
