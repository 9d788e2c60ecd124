import { findPage, pageInMemory, type PageFinder } from './find-page';

interface Doc {
  _id: string;
  name: string;
  seen: Date;
}

const docs: Doc[] = Array.from({ length: 7 }, (_, i) => ({
  _id: `id-${i}`,
  name: `n${i % 3}`,
  seen: new Date(Date.UTC(2026, 0, 1 + (i % 4))),
}));

// An in-memory finder that honours the filter shapes findPage builds ($and, $or, $gt/$lt, equality).
function matches(doc: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, cond]) => {
    if (key === '$and') return (cond as Record<string, unknown>[]).every((f) => matches(doc, f));
    if (key === '$or') return (cond as Record<string, unknown>[]).some((f) => matches(doc, f));
    const value = doc[key] as string | Date;
    if (typeof cond === 'object' && cond !== null && !(cond instanceof Date)) {
      const [[op, bound]] = Object.entries(cond) as [[string, string | Date]];
      return op === '$gt' ? value > bound : value < bound;
    }
    return value instanceof Date ? value.getTime() === (cond as Date).getTime() : value === cond;
  });
}

const finder: PageFinder<Doc> = (filter, sort, limit) => {
  const keys = Object.entries(sort);
  const sorted = docs
    .filter((d) => matches(d as unknown as Record<string, unknown>, filter))
    .sort((a, b) => {
      for (const [key, dir] of keys) {
        const x = (a as unknown as Record<string, string | Date>)[key]!;
        const y = (b as unknown as Record<string, string | Date>)[key]!;
        if (x < y) return -dir;
        if (x > y) return dir;
      }
      return 0;
    });
  return Promise.resolve(sorted.slice(0, limit));
};

async function all(sort: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await findPage(finder, {}, { sort, limit, cursor }, (d) => d._id);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return seen;
}

describe('findPage', () => {
  it.each(['name', '-name', 'seen', '-seen', '_id', '-_id'])('walks every row once in %s order', async (sort) => {
    const walked = await all(sort, 2);
    expect(new Set(walked).size).toBe(docs.length);
    const one = await findPage(finder, {}, { sort, limit: 100 }, (d) => d._id);
    expect(walked).toEqual(one.items);
    expect(one.nextCursor).toBeNull();
  });

  it('refuses a cursor of another sort and a cursor that is not one', async () => {
    const first = await findPage(finder, {}, { sort: 'name', limit: 2 }, (d) => d._id);
    await expect(
      findPage(finder, {}, { sort: '-name', limit: 2, cursor: first.nextCursor! }, (d) => d),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
    await expect(
      findPage(finder, {}, { sort: 'name', limit: 2, cursor: 'not-a-cursor' }, (d) => d),
    ).rejects.toMatchObject({ code: 'COMMON.VALIDATION_FAILED' });
  });

  it('maps public sort names to stored fields', async () => {
    const page = await findPage(finder, {}, { sort: '-lastSeen', limit: 3 }, (d) => d.seen.getTime(), {
      lastSeen: 'seen',
    });
    expect(page.items).toEqual([...page.items].sort((a, b) => b - a));
  });
});

describe('pageInMemory', () => {
  it('pages a whole list by key with cursors', () => {
    const items = ['c', 'a', 'e', 'b', 'd'];
    const first = pageInMemory(items, (x) => x, 2, undefined);
    expect(first.items).toEqual(['a', 'b']);
    const second = pageInMemory(items, (x) => x, 2, first.nextCursor!);
    expect(second.items).toEqual(['c', 'd']);
    const last = pageInMemory(items, (x) => x, 2, second.nextCursor!);
    expect(last).toEqual({ items: ['e'], nextCursor: null });
    expect(() => pageInMemory(items, (x) => x, 2, 'garbage')).toThrow(
      expect.objectContaining({ code: 'COMMON.VALIDATION_FAILED' }) as Error,
    );
  });
});
