import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SourcesModule } from '../sources/sources.module';
import { AlertConsumers } from './alert-consumers';
import { EventIntake } from './event-intake';

// The events the rules read, from the bus only.
@Module({
  imports: [SourcesModule, EvaluationModule],
  providers: [EventIntake, AlertConsumers],
  exports: [EventIntake],
})
export class IntakeModule {}
