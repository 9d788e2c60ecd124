import { decodePaging, encodePaging, pageOf, querySpecOf } from './at-paging';

const records = [2, 3, 5, 8, 13, 21, 34].map((id) => ({ id }));
const ids = (page: { items: { id?: unknown }[] }) => page.items.map((x) => x.id);

describe('Autotask paging', () => {
  it('pages forward after the last id served and back before the first', () => {
    const first = pageOf(records, 3, {});
    expect(ids(first)).toEqual([2, 3, 5]);
    expect(first.prev).toBeNull();
    expect(first.next).toEqual({ after: 5 });
    const second = pageOf(records, 3, { after: 5 });
    expect([ids(second), second.prev, second.next]).toEqual([[8, 13, 21], { before: 8 }, { after: 21 }]);
    const last = pageOf(records, 3, { after: 21 });
    expect([ids(last), last.next]).toEqual([[34], null]);
    expect(ids(pageOf(records, 3, { before: 8 }))).toEqual([2, 3, 5]);
    expect(ids(pageOf(records, 2, { before: 13 }))).toEqual([5, 8]);
  });

  it('neither repeats nor skips a record when one is added between pages', () => {
    const first = pageOf(records, 3, {});
    const grown = [{ id: 1 }, ...records, { id: 40 }];
    expect(ids(pageOf(grown, 10, first.next ?? {}))).toEqual([8, 13, 21, 34, 40]);
  });

  it('answers an empty page with no page URLs', () => {
    expect(pageOf([], 500, {})).toEqual({ items: [], prev: null, next: null });
  });

  it('reads MaxRecords and IncludeFields case-insensitively, 500 by default and at most', () => {
    expect(querySpecOf({ filter: [] })).toEqual({ filter: [], includeFields: null, maxRecords: 500 });
    expect(querySpecOf({ Filter: [1], maxRecords: 7, includeFields: ['id'] })).toEqual({
      filter: [1],
      includeFields: ['id'],
      maxRecords: 7,
    });
    expect(() => querySpecOf({ filter: [], MaxRecords: 501 })).toThrow(/MaxRecords/);
    expect(() => querySpecOf({ filter: [], MaxRecords: 0 })).toThrow(/MaxRecords/);
    expect(() => querySpecOf({ filter: [], IncludeFields: 'id' })).toThrow(/IncludeFields/);
    expect(() => querySpecOf([])).toThrow(/JSON object/);
  });

  it('carries the query and cursor in an opaque paging token', () => {
    const spec = { filter: [{ op: 'eq', field: 'id', value: 1 }], includeFields: null, maxRecords: 9 };
    expect(decodePaging(encodePaging(spec, { after: 42 }))).toEqual({ spec, cursor: { after: 42 } });
    expect(() => decodePaging('not-a-token')).toThrow(/paging parameter/);
    expect(() => decodePaging(null)).toThrow(/paging parameter/);
  });
});
