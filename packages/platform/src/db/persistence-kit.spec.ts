import { chunks } from './chunks';
import { duplicateKeyIndexes, isDuplicateKey } from './duplicate-key';
import { fillAbsent } from './fill-absent';
import { containsText, escapeRegex } from './regex';

describe('chunks', () => {
  it('splits into bounded consecutive slices', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });
});

describe('escapeRegex / containsText', () => {
  it('makes search text literal', () => {
    const pattern = new RegExp(escapeRegex('a.b*(c)[d]$'));
    expect(pattern.test('xa.b*(c)[d]$y')).toBe(true);
    expect(pattern.test('aXbbc')).toBe(false);
  });

  it('builds a case-insensitive contains filter, or none for blank text', () => {
    expect(containsText('name', '  Zoom.us ')).toEqual({ name: { $regex: 'Zoom\\.us', $options: 'i' } });
    expect(containsText('name', '   ')).toEqual({});
    expect(containsText('name', undefined)).toEqual({});
  });
});

describe('fillAbsent', () => {
  interface Doc {
    _id: string;
    lastError: string | null;
    revision: number;
    marks: { a: number | null; b: number | null };
  }
  const defaults: Partial<Doc> = { lastError: null, revision: 0, marks: { a: null, b: null } };

  it('fills absent fields, nested ones included, and keeps present values', () => {
    const stored = { _id: 'x', marks: { a: 3 } } as unknown as Doc;
    expect(fillAbsent(defaults, stored)).toEqual({ _id: 'x', lastError: null, revision: 0, marks: { a: 3, b: null } });
    const full: Doc = { _id: 'y', lastError: 'boom', revision: 4, marks: { a: null, b: 2 } };
    expect(fillAbsent(defaults, full)).toEqual(full);
    expect(fillAbsent(defaults, null)).toBeNull();
  });
});

describe('duplicate keys', () => {
  it('recognises code 11000 alone and in bulk write errors', () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey(new Error('x'))).toBe(false);
    expect(
      duplicateKeyIndexes({
        writeErrors: [
          { code: 11000, index: 2 },
          { err: { code: 11000 }, index: 5 },
        ],
      }),
    ).toEqual(new Set([2, 5]));
    const other = {
      writeErrors: [
        { code: 11000, index: 1 },
        { code: 121, index: 2 },
      ],
    };
    expect(() => duplicateKeyIndexes(other)).toThrow();
  });
});
