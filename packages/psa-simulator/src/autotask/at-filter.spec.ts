import { AtError } from './at-error';
import { compare, dateMs, fieldIndex, matches, parseFilter, type Json } from './at-filter';

const fields = fieldIndex(['id', 'companyName', 'companyNumber', 'isActive', 'lastTrackedModifiedDateTime']);
const rows: Json[] = [
  {
    id: 1,
    companyName: 'Acme Dental',
    companyNumber: 'ACME',
    isActive: true,
    lastTrackedModifiedDateTime: '2026-01-02T10:00:00.000Z',
  },
  {
    id: 2,
    companyName: 'Blue Harbor',
    companyNumber: null,
    isActive: false,
    lastTrackedModifiedDateTime: '2026-01-05T00:00:00.000Z',
  },
  {
    id: 3,
    companyName: 'acme labs',
    companyNumber: '',
    isActive: true,
    lastTrackedModifiedDateTime: '2025-12-31T23:59:59.000Z',
  },
];
const run = (filter: unknown) => {
  const condition = parseFilter(filter, 'Companies', fields);
  return rows.filter((r) => matches(condition, r)).map((r) => r['id']);
};

describe('Autotask filters', () => {
  it.each([
    [[{ op: 'eq', field: 'id', value: 2 }], [2]],
    [[{ op: 'EQ', field: 'ID', value: '2' }], [2]],
    [[{ op: 'noteq', field: 'id', value: 2 }], [1, 3]],
    [[{ op: 'gt', field: 'id', value: 1 }], [2, 3]],
    [[{ op: 'gte', field: 'id', value: 2 }], [2, 3]],
    [[{ op: 'lt', field: 'id', value: 2 }], [1]],
    [[{ op: 'lte', field: 'id', value: 2 }], [1, 2]],
    [[{ op: 'in', field: 'id', value: [3, 1] }], [1, 3]],
    [[{ op: 'notIn', field: 'id', value: [3, 1] }], [2]],
    [[{ op: 'eq', field: 'companyName', value: 'ACME DENTAL' }], [1]],
    [[{ op: 'beginsWith', field: 'companyName', value: 'acme' }], [1, 3]],
    [[{ op: 'endsWith', field: 'companyName', value: 'LABS' }], [3]],
    [[{ op: 'contains', field: 'companyName', value: 'harb' }], [2]],
    [[{ op: 'exist', field: 'companyNumber' }], [1]],
    [[{ op: 'notExist', field: 'companyNumber' }], [2, 3]],
    [[{ op: 'eq', field: 'isActive', value: true }], [1, 3]],
    [[{ op: 'eq', field: 'isActive', value: 'false' }], [2]],
    [[{ op: 'gte', field: 'lastTrackedModifiedDateTime', value: '2026-01-02' }], [1, 2]],
    [[{ op: 'gt', field: 'lastTrackedModifiedDateTime', value: '2026-01-02T10:00:00' }], [2]],
    [[{ op: 'lt', field: 'lastTrackedModifiedDateTime', value: '2026-01-01T00:00:00+00:00' }], [3]],
    [
      [
        { op: 'gte', field: 'id', value: 2 },
        { op: 'lte', field: 'id', value: 2 },
      ],
      [2],
    ],
    [
      [
        {
          op: 'or',
          items: [
            { op: 'eq', field: 'id', value: 1 },
            { op: 'eq', field: 'id', value: 3 },
          ],
        },
      ],
      [1, 3],
    ],
    [
      [
        {
          op: 'and',
          items: [
            {
              op: 'or',
              items: [
                { op: 'eq', field: 'id', value: 1 },
                { op: 'eq', field: 'id', value: 2 },
              ],
            },
            { op: 'eq', field: 'isActive', value: false },
          ],
        },
      ],
      [2],
    ],
  ])('%j matches %j', (filter, expected) => {
    expect(run(filter)).toEqual(expected);
  });

  it.each([
    ['not an array', { op: 'eq', field: 'id', value: 1 }, /filter is required/],
    ['empty', [], /filter is required/],
    ['an unknown field', [{ op: 'eq', field: 'nope', value: 1 }], /Unable to find nope in the Companies entity/],
    ['an unknown operator', [{ op: 'like', field: 'id', value: 1 }], /Unknown filter operator 'like'/],
    ['no value', [{ op: 'eq', field: 'id' }], /needs a value/],
    ['an in without a list', [{ op: 'in', field: 'id', value: 1 }], /needs a value list/],
    ['an in of 501 values', [{ op: 'in', field: 'id', value: [...Array(501).keys()] }], /at most 500 values/],
    ['an or without items', [{ op: 'or' }], /non-empty items array/],
    ['an or of 501 items', [{ op: 'or', items: Array(501).fill({ op: 'eq', field: 'id', value: 1 }) }], /at most 500/],
  ])('refuses %s with a 400', (_, filter, message) => {
    expect(() => parseFilter(filter, 'Companies', fields)).toThrow(message);
    try {
      parseFilter(filter, 'Companies', fields);
    } catch (error) {
      expect(error).toBeInstanceOf(AtError);
      expect((error as AtError).status).toBe(400);
    }
  });

  it('refuses a value of the wrong type for its field when compared', () => {
    expect(() => compare('id', 1, 'abc')).toThrow(/not valid for the numeric field id/);
    expect(() => compare('isActive', true, 3)).toThrow(/not valid for the boolean field isActive/);
  });

  it('reads dates without a zone as UTC and a date alone as its midnight', () => {
    expect(dateMs('2026-01-02')).toBe(Date.UTC(2026, 0, 2));
    expect(dateMs('2026-01-02T10:00:00')).toBe(Date.UTC(2026, 0, 2, 10));
    expect(dateMs('2026-01-02 10:00:00')).toBe(Date.UTC(2026, 0, 2, 10));
    expect(dateMs('2026-01-02T10:00:00+02:00')).toBe(Date.UTC(2026, 0, 2, 8));
  });
});
