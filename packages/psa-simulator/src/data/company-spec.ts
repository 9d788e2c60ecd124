import type { DuoAccount, PairingKind } from './pairing';

// How a company's active agreement bills Duo (world.ts turns it into an addition, or none).
export type DuoLine =
  // The paired account's billable seats, under its edition's SKU.
  | { kind: 'seats' }
  // Off by 1–10 either way (seeded).
  | { kind: 'mismatch' }
  // 1–10 fewer, never down to 0 (so it stays under-billed rather than unbilled); the seats when they are too few.
  | { kind: 'under' }
  // 1–10 more.
  | { kind: 'over' }
  // The seats, but under another edition's SKU: the line was not moved when the account changed edition.
  | { kind: 'edition'; edition: string }
  // No Duo line at all.
  | { kind: 'none' }
  // A company with no Duo account: half of them are billed for some Duo SKU anyway.
  | { kind: 'unpaired' };

export interface CompanySpec {
  name: string;
  pairing: PairingKind;
  duo: DuoAccount | null;
  identifier: string;
  duoLine: DuoLine;
}

// Thrown when options are individually valid but contradict each other.
export class PlanError extends Error {}
