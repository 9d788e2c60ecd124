// JetStream streams. Names and subjects get the deployment prefix on the wire:
// stream `SEATWISE_DUO_AUTHLOGS` holds subjects `seatwise.duo.authlog.>`.
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface StreamDefinition {
  subjects: string[];
  description: string;
  maxAgeMs: number;
  // msgIDs seen within this window are dropped as duplicates.
  duplicateWindowMs: number;
}

export const streams = {
  DUO_AUTHLOGS: {
    subjects: ['duo.authlog.>'],
    description: 'Raw Duo authentication log records',
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
  DUO_USERS: {
    subjects: ['duo.users.>'],
    description: 'Raw Duo user snapshots and their end markers',
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
  DUO_ACCOUNTS: {
    subjects: ['duo.account.>'],
    description: 'Duo account snapshots',
    maxAgeMs: 90 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
  DISCOVERY: {
    subjects: ['discovery.>'],
    description: 'Discovery inventory events',
    maxAgeMs: 90 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
  RECONCILE: {
    subjects: ['reconcile.>'],
    description: 'Reconciliation events',
    maxAgeMs: 90 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
  INTEGRATIONS: {
    subjects: ['integration.>'],
    description: 'Integration sync status and change events',
    maxAgeMs: 30 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
  DEAD_LETTER: {
    subjects: ['deadletter.>'],
    description: 'Events consumers rejected, with the reason',
    maxAgeMs: 90 * DAY_MS,
    duplicateWindowMs: 20 * MINUTE_MS,
  },
} as const satisfies Record<string, StreamDefinition>;

export type StreamKey = keyof typeof streams;
export const STREAM_KEYS = Object.keys(streams) as StreamKey[];
