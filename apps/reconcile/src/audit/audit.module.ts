import { Module } from '@nestjs/common';
import { AuditLogQuery } from './audit-log.query';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({ providers: [AuditRepository, AuditService, AuditLogQuery], exports: [AuditService, AuditLogQuery] })
export class AuditModule {}
