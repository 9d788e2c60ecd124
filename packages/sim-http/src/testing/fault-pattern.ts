// For the simulators' specs (jest's expect): the fault behaviour both must share.
interface FaultySimulator {
  setFaults(faults: { error500: number }): void;
  close(): Promise<void>;
}

// Two simulators started alike and given the same 30% error rate must fail exactly the same requests
// (faults are seeded), and about 30 of 100.
export async function expectSeededErrorPattern<S extends FaultySimulator>(
  start: () => Promise<S>,
  statusOf: (sim: S) => Promise<number>,
): Promise<void> {
  const pattern = async (sim: S): Promise<number[]> => {
    sim.setFaults({ error500: 0.3 });
    const out: number[] = [];
    for (let i = 0; i < 100; i++) out.push(await statusOf(sim));
    return out;
  };
  const [a, b] = [await start(), await start()];
  try {
    const [pa, pb] = [await pattern(a), await pattern(b)];
    expect(pa).toEqual(pb);
    const errors = pa.filter((status) => status === 500).length;
    expect(errors).toBeGreaterThan(15);
    expect(errors).toBeLessThan(45);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
