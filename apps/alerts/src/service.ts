import type { ServiceDefinition } from '@seatwise/platform/bootstrap/create-service-app';
import type { Env } from '@seatwise/shared/config/alerts-env';
import { AlertsModule } from './alerts/alerts.module';
import { AlertsMessageController } from './api/alerts.message-controller';
import { RulesMessageController } from './api/rules.message-controller';
import { DispatchModule } from './delivery/dispatch.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { IntakeModule } from './intake/intake.module';
import { RulesModule } from './rules/rules.module';

export const service: ServiceDefinition<Env> = {
  name: 'alerts',
  version: process.env['npm_package_version'] ?? '0.1.0',
  imports: () => [AlertsModule, RulesModule, EvaluationModule, IntakeModule, DispatchModule],
  // The request-reply API spans the features it exposes.
  controllers: [RulesMessageController, AlertsMessageController],
  rpc: true,
  sealingKey: (env) => env.ALERTS_SEALING_KEY,
};
