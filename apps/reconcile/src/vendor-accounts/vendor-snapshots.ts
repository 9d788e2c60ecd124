import { Injectable } from '@nestjs/common';
import type { DuoAccountSnapshotEvent } from '@seatwise/shared/contracts/duo-events';
import { VendorAccountRepository } from './vendor-account.repository';
import { VendorHistoryRepository } from './vendor-history.repository';

// Takes a Duo account snapshot unless a newer one is stored, recording a seat or edition change in the history.
@Injectable()
export class VendorSnapshots {
  constructor(
    private readonly accounts: VendorAccountRepository,
    private readonly history: VendorHistoryRepository,
  ) {}

  async apply(event: DuoAccountSnapshotEvent): Promise<void> {
    const observedAt = new Date(event.observedAt);
    const previous = await this.accounts.get({ accountId: event.accountId });
    if (previous && previous.observedAt.getTime() >= observedAt.getTime()) return;
    // History first, keyed by the snapshot: a crash before the account update replays to the same entry.
    if (!previous || previous.billableSeats !== event.billableSeats || previous.edition !== event.edition) {
      await this.history.record({
        accountId: event.accountId,
        observedAt,
        edition: event.edition,
        billableSeats: event.billableSeats,
        previousEdition: previous?.edition ?? null,
        previousBillableSeats: previous?.billableSeats ?? null,
      });
    }
    await this.accounts.storeIfNewer(event, observedAt, previous);
  }
}
