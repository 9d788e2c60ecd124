import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { OutboxModule } from '../delivery/outbox.module';
import { RuleStoreModule } from '../rule-store/rule-store.module';
import { SourcesModule } from '../sources/sources.module';
import { AlertTransitions } from './alert-transitions';
import { Evaluator } from './evaluator';
import { TimedEvaluation } from './timed-evaluation';

// Rules checked against the sources' state; a verdict opens or resolves an alert and writes its notifications.
@Module({
  imports: [RuleStoreModule, AlertsModule, OutboxModule, SourcesModule],
  providers: [AlertTransitions, Evaluator, TimedEvaluation],
  exports: [AlertTransitions, Evaluator, TimedEvaluation],
})
export class EvaluationModule {}
