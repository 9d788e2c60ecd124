import type { DuoEdition } from '@seatwise/shared/contracts/duo-events';
import type { SyncStatus } from '@seatwise/shared/contracts/integration-events';
import { Schema } from 'mongoose';
import type { AccountKey } from './account-key';

export interface AccountStateDoc extends AccountKey {
  _id: string;
  name: string;
  // Where its Admin API is reached (a child's own api_hostname); null: the integration's host.
  apiHostname: string | null;
  child: boolean;
  edition: DuoEdition | null;
  seats: number | null;
  removedAt: Date | null;
  // Auth-log checkpoint: the window's start and Duo's cursor (ms, txid) of the last record published.
  logMintime: number;
  logCursor: [string, string] | null;
  // The lease token of the last poller that moved the cursor (fencing, #18); absent on rows from before.
  logFence?: number;
  usersSnapshotAt: Date | null;
  accountSnapshotAt: Date | null;
  syncStatus: SyncStatus;
  behindMs: number | null;
  behindRecords: number | null;
  lastSuccessAt: Date | null;
  lastError: { code: string; message: string; at: Date } | null;
  statusRevision: number;
}

// What polling learns of an account each time it lists it.
export interface AccountSeen {
  name: string;
  apiHostname: string | null;
  child: boolean;
}

export const accountStateSchema = new Schema<AccountStateDoc>(
  {
    _id: String,
    integrationId: String,
    accountId: String,
    name: String,
    apiHostname: { type: String, default: null },
    child: Boolean,
    edition: { type: String, default: null },
    seats: { type: Number, default: null },
    removedAt: { type: Date, default: null },
    logMintime: Number,
    logCursor: { type: [String], default: null },
    logFence: { type: Number },
    usersSnapshotAt: { type: Date, default: null },
    accountSnapshotAt: { type: Date, default: null },
    syncStatus: String,
    behindMs: { type: Number, default: null },
    behindRecords: { type: Number, default: null },
    lastSuccessAt: { type: Date, default: null },
    lastError: { type: Schema.Types.Mixed, default: null },
    statusRevision: { type: Number, default: 0 },
  },
  { versionKey: false },
);
accountStateSchema.index({ integrationId: 1, accountId: 1 }, { unique: true });

// A new account's state. FerretDB 1.24 drops null values given in $setOnInsert (MongoDB keeps them),
// so every read also fills absent fields from here (fillAbsent) instead of trusting the insert.
export const NEW_ACCOUNT = {
  edition: null,
  seats: null,
  logCursor: null,
  usersSnapshotAt: null,
  accountSnapshotAt: null,
  syncStatus: 'backfilling',
  behindMs: null,
  behindRecords: null,
  lastSuccessAt: null,
  lastError: null,
  statusRevision: 0,
} satisfies Partial<AccountStateDoc>;
