import { Injectable } from '@nestjs/common';
import type { Page } from '@seatwise/shared/contracts/page';
import type { AccountHistoryEntry } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { type VendorHistoryDoc, VendorHistoryRepository } from './vendor-history.repository';

// A Duo account's seat and edition changes, as the API lists them.
@Injectable()
export class AccountHistoryQuery {
  constructor(private readonly history: VendorHistoryRepository) {}

  list(request: RpcInput<'reconcile.accounts.history'>): Promise<Page<AccountHistoryEntry>> {
    return this.history.page({ accountId: request.accountId }, request, toHistoryView);
  }
}

function toHistoryView(doc: VendorHistoryDoc): AccountHistoryEntry {
  return {
    accountId: doc.accountId,
    observedAt: new Date(doc.observedAt).toISOString(),
    edition: doc.edition,
    billableSeats: doc.billableSeats,
    previousEdition: doc.previousEdition,
    previousBillableSeats: doc.previousBillableSeats,
  };
}
