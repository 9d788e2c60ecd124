import { Injectable } from '@nestjs/common';
import type { Page } from '@seatwise/shared/contracts/page';
import type { AccountHistoryEntry } from '@seatwise/shared/contracts/reconcile-views';
import type { RpcInput } from '@seatwise/shared/contracts/rpcs';
import { VendorAccountRepository, type VendorHistoryDoc } from './vendor-account.repository';

// A Duo account's seat and edition changes, as the API lists them.
@Injectable()
export class AccountHistoryQuery {
  constructor(private readonly vendors: VendorAccountRepository) {}

  list(request: RpcInput<'reconcile.accounts.history'>): Promise<Page<AccountHistoryEntry>> {
    return this.vendors.historyPage({ accountId: request.accountId }, request, toHistoryView);
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
