import { Injectable } from '@nestjs/common';
import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { WriteClaims } from '@seatwise/platform/db/write-claims';

const key = (rowId: string, revision: number): string => `${rowId}@${revision}`;

// One writer per row revision (`<row>@<n>`, see WriteClaims: a conditional update alone is not one on FerretDB).
@Injectable()
export class RowRevisionClaims {
  private readonly claims: WriteClaims;

  constructor(mongo: MongoConnection) {
    this.claims = new WriteClaims(mongo, 'row_revision_claims');
  }

  // false: another writer holds this revision.
  take(rowId: string, revision: number, now: Date = new Date()): Promise<boolean> {
    return this.claims.take(key(rowId, revision), now);
  }

  // After the write: the revision it moved away from is no longer contended; a write that did not happen frees its
  // revision for the next writer.
  settle(rowId: string, revision: number, written: boolean): Promise<void> {
    return this.claims.release(key(rowId, written ? revision - 1 : revision));
  }
}
