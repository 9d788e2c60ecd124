import { SeededFaults } from '@seatwise/sim-http/seeded-faults';
import { hashString, Prng } from '../data/hash';
import type { Faults } from '../options';

export type FaultKind = 'error429' | 'error500' | 'error503' | 'slow' | 'drop' | 'truncate' | 'malformed';
const KINDS: readonly FaultKind[] = ['error429', 'error500', 'error503', 'slow', 'drop', 'truncate', 'malformed'];

// Faults on the Duo surface; the seed salt keeps them independent of the data the same seed generates.
export class FaultInjector extends SeededFaults<FaultKind> {
  constructor(seed: string, faults: Faults) {
    super(KINDS, new Prng(hashString(`faults:${seed}`)), faults);
  }
}
