import { CwError } from '../errors';
import { paginate } from './paging';

const items = Array.from({ length: 60 }, (_, i) => ({ id: 100 + i * 2 }));
const url = (q: string) => new URL(`http://h/v4_6_release/apis/3.0/company/companies?${q}`);

describe('paginate', () => {
  it('defaults to page 1 of 25 with next/last links', () => {
    const page = paginate(items, url(''), false);
    expect(page.items.map((x) => x.id)).toEqual(items.slice(0, 25).map((x) => x.id));
    expect(page.link).toBe(
      '<http://h/v4_6_release/apis/3.0/company/companies?page=2&pageSize=25>; rel="next", ' +
        '<http://h/v4_6_release/apis/3.0/company/companies?page=3&pageSize=25>; rel="last"',
    );
  });

  it('serves the last page with first/prev only, clamps pageSize at 1000 and pages past the end are empty', () => {
    const last = paginate(items, url('page=3&pageSize=25'), false);
    expect(last.items).toHaveLength(10);
    expect(last.link).toMatch(/rel="first", .*page=2.*rel="prev"$/);
    expect(paginate(items, url('pageSize=5000'), false).items).toHaveLength(60);
    expect(paginate(items, url('page=9'), false).items).toEqual([]);
  });

  it('forward-only pages by pageId (= id > pageId)', () => {
    const first = paginate(items, url('pageSize=50'), true);
    expect(first.link).toMatch(/pageId=198/);
    const second = paginate(items, url('pageSize=50&pageId=198'), true);
    expect(second.items.map((x) => x.id)).toEqual(items.slice(50).map((x) => x.id));
    expect(second.link).toBeUndefined();
  });

  it.each(['page=0', 'page=x', 'pageSize=-1', 'pageSize=1.5'])('rejects %s with 400', (q) => {
    expect(() => paginate(items, url(q), false)).toThrow(CwError);
  });
});
