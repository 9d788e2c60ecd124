import { hashString, Prng } from '../data/hash';

// Seeded fault choice shared by the simulators: one draw per API request, so the same seed and request
// order give the same faults. Each kind's fraction is a disjoint slice of [0, 1).
export class SeededFaults<K extends string> {
  private fractions: Partial<Record<K, number>> & { slowMs?: number } = {};
  private readonly prng: Prng;

  constructor(
    private readonly kinds: readonly K[],
    seed: string,
    fractions: Partial<Record<K, number>> & { slowMs?: number },
  ) {
    this.prng = new Prng(hashString(seed));
    this.configure(fractions);
  }

  configure(fractions: Partial<Record<K, number>> & { slowMs?: number }): void {
    this.fractions = { ...fractions };
  }

  current(): Partial<Record<K, number>> & { slowMs?: number } {
    return { ...this.fractions };
  }

  get slowMs(): number {
    return this.fractions.slowMs ?? 2000;
  }

  next(): K | null {
    const roll = this.prng.next();
    let edge = 0;
    for (const kind of this.kinds) {
      edge += this.fractions[kind] ?? 0;
      if (roll < edge) return kind;
    }
    return null;
  }
}
