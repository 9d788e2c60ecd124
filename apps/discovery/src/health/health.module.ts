import { Module } from '@nestjs/common';
import { HealthMessageController } from './health.message-controller';

// Readiness over NATS (ReadinessService comes from the global PlatformModule).
@Module({ controllers: [HealthMessageController] })
export class HealthModule {}
