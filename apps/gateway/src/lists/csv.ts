// RFC 4180 CSV: CRLF line ends, every field quoted when it holds a comma, quote or line break.
// Cells that a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with ' so an
// exported name like "=HYPERLINK(...)" stays text.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  const text = cellText(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// Numbers stay numbers (a negative delta is not a formula); objects and arrays become JSON text.
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

export function csvRow(columns: readonly string[], item: Readonly<Record<string, unknown>>): string {
  return columns.map((c) => csvCell(item[c])).join(',') + '\r\n';
}

export function csvHeader(columns: readonly string[]): string {
  return columns.map((c) => csvCell(c)).join(',') + '\r\n';
}
