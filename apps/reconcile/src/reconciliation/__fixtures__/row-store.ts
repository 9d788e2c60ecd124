import { Clock } from '@seatwise/platform/clock/clock';
import type { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createLogger } from '@seatwise/shared/logging/logger';
import { AuditRepository } from '../../audit/audit.repository';
import { AuditService } from '../../audit/audit.service';
import { AccountRowIdsRepository } from '../account-row-ids.repository';
import { OutboxRelay } from '../outbox-relay';
import { PushLeases } from '../push-leases';
import { RowChanges } from '../row-changes';
import { RowEvents } from '../row-events';
import { RowOutboxRepository } from '../row-outbox.repository';
import { RowRevisionClaims } from '../row-revision-claims';
import { type RowDoc, RowRepository, rowId, UNDECIDED } from '../row.repository';
import { RowsVersionRepository } from '../rows-version.repository';

// The bus as the row store sees it (NATS is what is swapped): what was announced, and an outage on demand.
export class RecordedRowEvents extends RowEvents {
  readonly announced: RowDoc[] = [];
  down = false;

  announce(row: RowDoc): Promise<void> {
    if (this.down) return Promise.reject(new Error('NATS is out of reach'));
    this.announced.push(row);
    return Promise.resolve();
  }
}

// A clock the relay reads, moved forward to make an outbox entry old enough to be swept.
export class ShiftedClock extends Clock {
  offsetMs = 0;

  override nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  override now(): Date {
    return new Date(this.nowMs());
  }
}

export interface RowStore {
  rows: RowRepository;
  audits: AuditRepository;
  outbox: RowOutboxRepository;
  changes: RowChanges;
  leases: PushLeases;
  relay: OutboxRelay;
  events: RecordedRowEvents;
  clock: ShiftedClock;
}

// Reconcile's row store on a real database connection (one per replica in the specs).
export async function openRowStore(mongo: MongoConnection): Promise<RowStore> {
  const clock = new ShiftedClock();
  const logger = createLogger('reconcile', 'silent');
  const index = new AccountRowIdsRepository(mongo);
  const rows = new RowRepository(mongo, new RowRevisionClaims(mongo), index, new RowsVersionRepository(mongo));
  const audits = new AuditRepository(mongo);
  const outbox = new RowOutboxRepository(mongo);
  for (const repository of [index, rows, audits, outbox]) await repository.onModuleInit();
  const events = new RecordedRowEvents();
  const changes = new RowChanges(rows, outbox, new AuditService(audits, clock), events, clock, logger);
  const relay = new OutboxRelay(outbox, changes, clock, logger);
  return { rows, audits, outbox, changes, leases: new PushLeases(rows, changes), relay, events, clock };
}

// A stored row as the specs need it: unmapped and pending unless `fields` say otherwise.
export function rowDoc(accountId: string, sku: string, fields: Partial<RowDoc> = {}): RowDoc {
  return {
    _id: rowId(accountId, sku),
    accountId,
    accountName: accountId,
    psaCompanyId: null,
    connectionId: null,
    connectionKind: null,
    sku,
    productId: null,
    agreementId: null,
    agreementIssue: null,
    vendorQuantity: 3,
    psaQuantity: 0,
    delta: 3,
    type: 'unmapped',
    unitPrice: null,
    currency: null,
    monthlyImpact: 0,
    ...UNDECIDED,
    mutedUntil: null,
    state: 'pending',
    revision: 1,
    updatedAt: new Date(Date.UTC(2026, 10, 1)),
    pushLeaseUntil: new Date(0),
    pushToken: null,
    changeIds: [],
    ...fields,
  };
}

// An approved row of a pushed (ConnectWise) connection.
export function approvedRow(accountId: string): RowDoc {
  return rowDoc(accountId, 'DUO-MFA', {
    psaCompanyId: 'c1',
    connectionId: 'conn1',
    connectionKind: 'connectwise',
    productId: 'p1',
    agreementId: 'a1',
    vendorQuantity: 12,
    psaQuantity: 10,
    delta: 2,
    type: 'under_billed',
    state: 'approved',
  });
}
