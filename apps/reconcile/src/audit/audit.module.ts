import { Module } from '@nestjs/common';
import { AuditLogQuery } from './audit-log.query';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { IntegrationChangesConsumer } from './integration-changes.consumer';

// The audit log: every decision, push and connection change made here, and the integration changes the connector
// reports.
@Module({
  providers: [AuditRepository, AuditService, AuditLogQuery, IntegrationChangesConsumer],
  exports: [AuditService, AuditLogQuery],
})
export class AuditModule {}
