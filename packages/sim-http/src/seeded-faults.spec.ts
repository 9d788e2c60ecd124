import { SeededFaults } from './seeded-faults';

// A fixed sequence of draws stands for the seeded generator: what matters here is how a draw maps to a fault.
function draws(...values: number[]): { next: () => number } {
  let i = 0;
  return { next: () => values[i++ % values.length] ?? 0 };
}

describe('SeededFaults', () => {
  it('gives each kind its own slice of [0, 1), in the order of the kinds', () => {
    const faults = new SeededFaults(['error500', 'drop'] as const, draws(0.05, 0.15, 0.25, 0.95), {
      error500: 0.1,
      drop: 0.1,
    });
    expect([faults.next(), faults.next(), faults.next(), faults.next()]).toEqual(['error500', 'drop', null, null]);
  });

  it('can be reconfigured at runtime, and reports what it runs with', () => {
    const faults = new SeededFaults(['slow'] as const, draws(0.5), {});
    expect(faults.next()).toBeNull();
    expect(faults.slowMs).toBe(2000);
    faults.configure({ slow: 1, slowMs: 300 });
    expect(faults.next()).toBe('slow');
    expect(faults.current()).toEqual({ slow: 1, slowMs: 300 });
    expect(faults.slowMs).toBe(300);
  });
});
