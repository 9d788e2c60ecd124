import { DAY } from '../data/model';
import { UnitsBook } from './at-units';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const END = day('2030-12-31');
const view = (book: UnitsBook, line: number) =>
  book
    .periodsOf(line)
    .map((p) => [new Date(p.start).toISOString().slice(0, 10), new Date(p.end).toISOString().slice(0, 10), p.units]);

describe('UnitsBook', () => {
  it('splits the period holding the effective day and adds the change from that day on', () => {
    const book = new UnitsBook();
    book.open(7, day('2025-01-01'), END, 10);
    book.adjust(7, day('2026-03-15'), 5, END);
    expect(view(book, 7)).toEqual([
      ['2025-01-01', '2026-03-14', 10],
      ['2026-03-15', '2030-12-31', 15],
    ]);
    book.adjust(7, day('2026-02-01'), -2, END);
    expect(view(book, 7)).toEqual([
      ['2025-01-01', '2026-01-31', 10],
      ['2026-02-01', '2026-03-14', 8],
      ['2026-03-15', '2030-12-31', 13],
    ]);
    expect(book.unitsAt(7, day('2026-03-14'))).toBe(8);
    expect(book.unitsAt(7, day('2026-03-15'))).toBe(13);
    expect(book.latest(7)?.units).toBe(13);
    expect(new Set(book.periodsOf(7).map((p) => p.id)).size).toBe(3);
  });

  it('adjusts on the first day of a period without splitting it', () => {
    const book = new UnitsBook();
    book.open(7, day('2025-01-01'), END, 10);
    book.adjust(7, day('2025-01-01'), 1, END);
    expect(view(book, 7)).toEqual([['2025-01-01', '2030-12-31', 11]]);
  });

  it('opens a new period for a service that ended before the effective day', () => {
    const book = new UnitsBook();
    book.open(7, day('2025-01-01'), day('2025-06-30'), 4);
    expect(book.unitsAt(7, day('2026-01-01'))).toBeNull();
    book.adjust(7, day('2026-01-01'), 6, END);
    expect(view(book, 7)).toEqual([
      ['2025-01-01', '2025-06-30', 4],
      ['2026-01-01', '2030-12-31', 6],
    ]);
  });

  it('changes nothing when units would go negative or the day is before the first period', () => {
    const book = new UnitsBook();
    book.open(7, day('2025-01-01'), END, 3);
    expect(() => {
      book.adjust(7, day('2026-01-01'), -4, END);
    }).toThrow(/negative/);
    expect(() => {
      book.adjust(7, day('2024-12-31'), 1, END);
    }).toThrow(/before the contract service's first period/);
    expect(view(book, 7)).toEqual([['2025-01-01', '2030-12-31', 3]]);
    expect(book.lines()).toEqual([7]);
  });

  it('keeps a period at least one day long', () => {
    const book = new UnitsBook();
    book.open(9, day('2025-01-02'), day('2025-01-02') - 3 * DAY, 1);
    expect(view(book, 9)).toEqual([['2025-01-02', '2025-01-02', 1]]);
  });
});
