import { Injectable } from '@nestjs/common';
import { Clock } from '@seatwise/platform/clock/clock';
import { newId } from '../db/ids';
import { type AuditDoc, AuditRepository } from './audit.repository';

export type AuditInput = Omit<AuditDoc, '_id' | 'at' | 'note' | 'details' | 'accountId'> & {
  accountId?: string | null;
  note?: string | null | undefined;
  details?: Record<string, unknown>;
};

// Every decision and every push outcome, with who, when and why.
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(...entries: AuditInput[]): Promise<void> {
    const at = this.clock.now();
    await this.repository.insert(
      entries.map((e) => ({
        _id: newId('aud'),
        at,
        actor: e.actor,
        action: e.action,
        targetKind: e.targetKind,
        targetId: e.targetId,
        accountId: e.accountId ?? null,
        note: e.note ?? null,
        details: e.details ?? {},
      })),
    );
  }
}
