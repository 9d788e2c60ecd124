import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { RuleStoreModule } from '../rule-store/rule-store.module';
import { RulesService } from './rules.service';

// Rule changes: validated against the channels, and a changed or deleted rule's alerts settled through evaluation.
@Module({
  imports: [RuleStoreModule, ChannelsModule, EvaluationModule],
  providers: [RulesService],
  exports: [RulesService],
})
export class RulesModule {}
