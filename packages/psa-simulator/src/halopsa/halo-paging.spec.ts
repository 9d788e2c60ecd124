import { HaloError } from './halo-errors';
import { DEFAULT_PAGE_SIZE, haloPage, listEnvelope } from './halo-paging';

const items = Array.from({ length: 12 }, (_, i) => i + 1);
const q = (s: string) => new URLSearchParams(s);

describe('Halo paging', () => {
  it('answers everything without pageinate', () => {
    expect(haloPage(items, q('page_size=5&page_no=2'))).toEqual({ items, paging: null });
  });

  it('slices pages from page_no 1, an empty page past the end', () => {
    expect(haloPage(items, q('pageinate=true&page_size=5&page_no=1')).items).toEqual([1, 2, 3, 4, 5]);
    expect(haloPage(items, q('pageinate=TRUE&page_size=5&page_no=3')).items).toEqual([11, 12]);
    expect(haloPage(items, q('pageinate=true&page_size=5&page_no=4')).items).toEqual([]);
    expect(haloPage(items, q('pageinate=true')).paging).toEqual({ page_no: 1, page_size: DEFAULT_PAGE_SIZE });
  });

  it.each(['page_size=0', 'page_size=x', 'page_no=0', 'page_no=-1'])('refuses %s with a 400', (bad) => {
    expect(() => haloPage(items, q(`pageinate=true&${bad}`))).toThrow(HaloError);
    expect(() => haloPage(items, q(`pageinate=true&${bad}`))).toThrow(/positive integer/);
  });

  it('wraps a page with the total record_count under the resource key', () => {
    expect(listEnvelope('clients', items, q('pageinate=true&page_size=5&page_no=2'))).toEqual({
      page_no: 2,
      page_size: 5,
      record_count: 12,
      clients: [6, 7, 8, 9, 10],
    });
    expect(listEnvelope('items', [1], q(''))).toEqual({ record_count: 1, items: [1] });
  });
});
