import type { Response } from 'express';
import { csvHeader, csvRow } from './csv';
import { MAX_LIMIT, type Pager } from './pager';

interface CsvExport {
  body: string;
  rows: number;
  // Set when the cap was reached before the list's end: where to continue.
  nextCursor: string | null;
}

// Follows the list's pages from the client's cursor until its end or maxRows, whichever comes first.
export async function exportCsv(pager: Pager, columns: readonly string[], maxRows: number): Promise<CsvExport> {
  const parts = [csvHeader(columns)];
  let cursor = pager.start.cursor;
  let rows = 0;
  for (;;) {
    const page = await pager.fetch(cursor, Math.min(MAX_LIMIT, maxRows - rows));
    for (const item of page.items) parts.push(csvRow(columns, item as Record<string, unknown>));
    rows += page.items.length;
    if (page.nextCursor === null) return { body: parts.join(''), rows, nextCursor: null };
    if (rows >= maxRows) return { body: parts.join(''), rows, nextCursor: page.nextCursor };
    cursor = page.nextCursor;
  }
}

export function sendCsvHeaders(res: Response, name: string, result: CsvExport): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  res.setHeader('X-Total-Rows', String(result.rows));
  res.setHeader('X-Truncated', result.nextCursor === null ? 'false' : 'true');
  if (result.nextCursor !== null) res.setHeader('X-Next-Cursor', result.nextCursor);
}
