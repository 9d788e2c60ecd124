import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';

// The MSP's reconciliation settings (the default effective date of approvals).
@Module({ imports: [AuditModule], providers: [SettingsRepository, SettingsService], exports: [SettingsService] })
export class SettingsModule {}
