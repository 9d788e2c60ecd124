import { byPartition, partitionOf } from './partitions';

describe('partitionOf', () => {
  it('is stable and spreads accounts over every partition', () => {
    const accounts = Array.from({ length: 400 }, (_, i) => `DA${i}ACCOUNT`);
    const counts = new Array<number>(8).fill(0);
    for (const a of accounts) counts[partitionOf(a, 8)]! += 1;
    expect(counts.every((n) => n > 20)).toBe(true);
    // A fixed value: a change of hash would move every account to another replica's journal batches.
    expect([partitionOf('DA1', 8), partitionOf('DA2', 8)]).toEqual([5, 4]);
  });
});

describe('byPartition', () => {
  it('groups by partition and keeps the order within each group', () => {
    const items = ['DA1:a', 'DA2:b', 'DA1:c', 'DA2:d'];
    const groups = byPartition(items, (i) => i.split(':')[0]!, 8);
    expect([...groups.entries()]).toEqual([
      [5, ['DA1:a', 'DA1:c']],
      [4, ['DA2:b', 'DA2:d']],
    ]);
  });
});
