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
    await this.repository.insertAll(this.entries(entries));
  }

  // The entries as they will be stored, ids and time fixed now: what an outbox keeps until it writes them.
  entries(inputs: readonly AuditInput[]): AuditDoc[] {
    const at = this.clock.now();
    return inputs.map(({ accountId, note, details, ...entry }) => ({
      ...entry,
      _id: newId('aud'),
      at,
      accountId: accountId ?? null,
      note: note ?? null,
      details: details ?? {},
    }));
  }

  // Writes entries built by entries(); one already written (a retried outbox entry) is left as it is.
  async writeOnce(docs: readonly AuditDoc[]): Promise<void> {
    for (const doc of docs) await this.repository.insertOnce(doc);
  }
}
