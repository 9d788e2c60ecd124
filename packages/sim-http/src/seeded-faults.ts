// Where the draws come from: a seeded generator, so the same seed and request order give the same faults.
export interface Draws {
  // Uniform in [0, 1).
  next(): number;
}

export type FaultFractions<K extends string> = Partial<Record<K, number>> & { slowMs?: number };

// Seeded fault choice shared by the simulators: one draw per API request. Each kind's fraction is a disjoint
// slice of [0, 1), so the fractions add up to the share of requests that get any fault.
export class SeededFaults<K extends string> {
  private fractions: FaultFractions<K> = {};

  constructor(
    private readonly kinds: readonly K[],
    private readonly draws: Draws,
    fractions: FaultFractions<K>,
  ) {
    this.configure(fractions);
  }

  configure(fractions: FaultFractions<K>): void {
    this.fractions = { ...fractions };
  }

  current(): FaultFractions<K> {
    return { ...this.fractions };
  }

  get slowMs(): number {
    return this.fractions.slowMs ?? 2000;
  }

  next(): K | null {
    const roll = this.draws.next();
    let edge = 0;
    for (const kind of this.kinds) {
      edge += this.fractions[kind] ?? 0;
      if (roll < edge) return kind;
    }
    return null;
  }
}
