import { csvCell, csvHeader, csvRow } from './csv';

describe('csv', () => {
  it('quotes per RFC 4180 and doubles embedded quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-2)).toBe('-2');
  });

  it('writes null as empty, objects as JSON, rows with CRLF in column order', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvRow(['b', 'a', 'c'], { a: 1, b: { x: 1 }, c: null })).toBe('"{""x"":1}",1,\r\n');
    expect(csvHeader(['id', 'name'])).toBe('id,name\r\n');
  });
});
