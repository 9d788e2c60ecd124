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

interface Reply {
  status: number;
  text: string;
}

// Two simulators started with the same options answer every request byte for byte alike, and keep the
// same truth. `first` checks what they print at start (credentials, keys).
export async function expectIdenticalTwins<S extends { truth(): unknown; close(): Promise<void> }>(
  start: () => Promise<S>,
  requests: (sim: S) => readonly string[],
  call: (sim: S, request: string) => Promise<Reply>,
  first: (a: S, b: S) => void,
): Promise<void> {
  const [a, b] = [await start(), await start()];
  try {
    first(a, b);
    for (const request of requests(a)) {
      const [pa, pb] = [await call(a, request), await call(b, request)];
      expect(pa.status).toBe(200);
      expect(pb.text).toBe(pa.text);
    }
    expect(b.truth()).toEqual(a.truth());
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
