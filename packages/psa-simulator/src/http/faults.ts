import { hashString, Prng } from '@seatwise/duo-simulator/data/hash';
import { SeededFaults } from '@seatwise/sim-http/seeded-faults';
import type { Faults } from '../options';

export type FaultKind = 'error500' | 'error503' | 'slow' | 'drop' | 'malformed';
const KINDS: readonly FaultKind[] = ['error500', 'error503', 'slow', 'drop', 'malformed'];

// Faults on the ConnectWise surface, drawn like the Duo simulator's but from their own seed.
export class FaultInjector extends SeededFaults<FaultKind> {
  constructor(seed: string, faults: Faults) {
    super(KINDS, new Prng(hashString(`psa-faults:${seed}`)), faults);
  }
}
