import { NO_OUTCOMES } from '../../inventory/outcome-totals';
import type { RedoEntry } from './redo-entry';
import { packRedo, unpackRedo } from './redo-pack';

const usage = (i: number): RedoEntry => ({
  coll: 'usage',
  created: i % 2 === 0,
  doc: {
    ...NO_OUTCOMES,
    denialReasons: [{ reason: 'no_keys_pressed', count: i }],
    _id: `DA1:DI${i}:DU${i}`,
    accountId: 'DA1',
    serviceId: `DA1:DI${i}`,
    userId: `DA1:DU${i}`,
    applicationKey: `DI${i}`,
    userKey: `DU${i}`,
    firstSeen: new Date(Date.UTC(2025, 6, 1, 0, 0, i)),
    lastSeen: new Date(Date.UTC(2025, 6, 2, 0, 0, i)),
    count: i + 1,
    firstSuccess: new Date(Date.UTC(2025, 6, 1, 12)),
    firstSuccessBatch: 3,
    lastBatch: 2 ** 40 + i,
    firstBatch: 1,
  },
});

const activity: RedoEntry = {
  coll: 'activity',
  doc: {
    _id: 'DA1:2025-07-01',
    accountId: 'DA1',
    day: '2025-07-01',
    total: 3,
    success: 1,
    denied: 1,
    fraud: 0,
    other: 1,
    lastBatch: 2,
  },
};

describe('packRedo / unpackRedo', () => {
  it('round-trips entries exactly, dates as dates', () => {
    const entries = [usage(1), activity, usage(2)];
    const packs = packRedo(entries);
    expect(packs).toHaveLength(1);
    const back = unpackRedo(packs[0] ?? Buffer.alloc(0));
    expect(back).toEqual(entries);
    expect(back[0]?.doc).toHaveProperty('firstSeen', expect.any(Date));
  });

  // Mutation: without the size check, one pack holds all 50 entries and the first expectation fails.
  it('splits into packs under the byte limit, in order, an oversized entry alone', () => {
    const entries = Array.from({ length: 50 }, (_, i) => usage(i + 10));
    const one = packRedo([usage(10)])[0]?.length ?? 0;
    const packs = packRedo(entries, one * 10 + 1);
    expect(packs).toHaveLength(5);
    expect(packs.every((p) => p.length <= one * 10 + 1)).toBe(true);
    expect(packs.flatMap((p) => unpackRedo(p))).toEqual(entries);
    expect(packRedo(entries.slice(0, 3), 10)).toHaveLength(3);
    expect(packRedo([])).toEqual([]);
  });

  it('rejects a truncated or corrupt pack with where it broke', () => {
    const [pack] = packRedo([usage(1), usage(2)]);
    if (!pack) throw new Error('no pack');
    expect(() => unpackRedo(pack.subarray(0, pack.length - 7))).toThrow(
      /redo pack holds a document of \d+ bytes at byte \d+/,
    );
    expect(() => unpackRedo(Buffer.concat([pack, Buffer.from([1, 2])]))).toThrow(/truncated at byte/);
  });
});
