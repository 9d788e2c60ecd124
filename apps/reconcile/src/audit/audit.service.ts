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
    await this.repository.insertAll(
      entries.map(({ accountId, note, details, ...entry }) => ({
        ...entry,
        _id: newId('aud'),
        at,
        accountId: accountId ?? null,
        note: note ?? null,
        details: details ?? {},
      })),
    );
  }
}
