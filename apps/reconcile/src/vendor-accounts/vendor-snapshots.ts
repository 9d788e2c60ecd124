import { Injectable } from '@nestjs/common';
import type { DuoAccountSnapshotEvent } from '@seatwise/shared/contracts/duo-events';
import { VendorAccountRepository } from './vendor-account.repository';
import { VendorHistoryRepository } from './vendor-history.repository';

// Takes a Duo account snapshot unless a newer one is stored, recording a seat or edition change in the history.
// `isNew` says the account was first seen by this call (its mapping was just created): its stored snapshot is not
// read, since on FerretDB 1.24 reading an _id that does not exist reads every account. Should one exist all the
// same (stored by a version that created the mapping after the snapshot, then crashed in between), the store below
// is still conditional on the snapshot's time: only the history entry's previous values are left empty.
@Injectable()
export class VendorSnapshots {
  constructor(
    private readonly accounts: VendorAccountRepository,
    private readonly history: VendorHistoryRepository,
  ) {}

  async apply(event: DuoAccountSnapshotEvent, seen: { isNew: boolean }): Promise<void> {
    const observedAt = new Date(event.observedAt);
    const previous = seen.isNew ? null : await this.accounts.get({ accountId: event.accountId });
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
