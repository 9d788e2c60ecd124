import { Module } from '@nestjs/common';
import { AlertRepository } from './alert.repository';
import { AlertsQuery } from './alerts.query';
import { OpenClaimsRepository } from './open-claims.repository';

// Alert state: one open alert per (rule, condition) and the alerts list. Evaluation moves alerts between states.
@Module({
  providers: [AlertRepository, OpenClaimsRepository, AlertsQuery],
  exports: [AlertRepository, OpenClaimsRepository, AlertsQuery],
})
export class AlertsModule {}
