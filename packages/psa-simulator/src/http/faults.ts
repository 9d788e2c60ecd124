import { hashString, Prng } from '@seatwise/duo-simulator/data/hash';
import type { Faults } from '../options';

export type FaultKind = 'error500' | 'error503' | 'slow' | 'drop' | 'malformed';
const KINDS: readonly FaultKind[] = ['error500', 'error503', 'slow', 'drop', 'malformed'];

// Seeded fault choice: one draw per ConnectWise-surface request, so the same seed and request order give the same
// faults. Fractions are disjoint slices of [0, 1).
export class FaultInjector {
  private faults: Faults = {};
  private readonly prng: Prng;

  constructor(seed: string, faults: Faults) {
    this.prng = new Prng(hashString(`psa-faults:${seed}`));
    this.configure(faults);
  }

  configure(faults: Faults): void {
    this.faults = { ...faults };
  }

  get slowMs(): number {
    return this.faults.slowMs ?? 2000;
  }

  next(): FaultKind | null {
    const roll = this.prng.next();
    let edge = 0;
    for (const kind of KINDS) {
      edge += this.faults[kind] ?? 0;
      if (roll < edge) return kind;
    }
    return null;
  }
}
