import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import type { ReconcileSettings } from '@seatwise/shared/contracts/reconcile-views';
import { AuditService } from '../audit/audit.service';
import { SettingsRepository } from './settings.repository';

// The MSP's reconciliation settings; every change audited.
@Injectable()
export class SettingsService {
  constructor(
    private readonly repository: SettingsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get(): Promise<ReconcileSettings> {
    return this.repository.current();
  }

  async update(change: Partial<ReconcileSettings> & { actor: string }): Promise<ReconcileSettings> {
    const { actor, ...fields } = change;
    const current = await this.repository.current();
    const next = { ...current, ...fields };
    await this.repository.save(next, this.clock.now());
    await this.audit.record({
      actor,
      action: 'settings.update',
      targetKind: 'settings',
      targetId: 'settings',
      details: { from: current, to: next },
    });
    return next;
  }

  // The effective date an approval that names none gets: null (the PSA's default, today) or the 1st of next
  // month, UTC.
  async defaultEffectiveDate(): Promise<Date | null> {
    if ((await this.repository.current()).defaultEffectiveDate === 'today') return null;
    const now = this.clock.now();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  }
}
