import { Module } from '@nestjs/common';
import { RuleRepository } from './rule.repository';

// The stored rules: read by evaluation and the outbox, changed by the rules feature.
@Module({
  providers: [RuleRepository],
  exports: [RuleRepository],
})
export class RuleStoreModule {}
