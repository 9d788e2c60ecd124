import { hashString, Prng } from '../data/hash';
import type { Faults } from '../options';

export type FaultKind = 'error429' | 'error500' | 'error503' | 'slow' | 'drop' | 'truncate' | 'malformed';
const KINDS: readonly FaultKind[] = ['error429', 'error500', 'error503', 'slow', 'drop', 'truncate', 'malformed'];

/**
 * Seeded fault choice: one draw per Duo-surface request, so the same seed and request order give the same faults.
 * Fractions are disjoint slices of [0, 1).
 */
export class FaultInjector {
  private faults: Faults = {};
  private readonly prng: Prng;

  constructor(seed: string, faults: Faults) {
    this.prng = new Prng(hashString(`faults:${seed}`));
    this.configure(faults);
  }

  configure(faults: Faults): void {
    this.faults = { ...faults };
  }

  current(): Faults {
    return { ...this.faults };
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
