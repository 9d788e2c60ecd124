import type { Page } from '@seatwise/shared/contracts/page';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { csvHeader, csvRow } from './csv';
import { MAX_LIMIT, type Pager } from './pager';

// What is known only once the export ends: sent as HTTP trailers (declared up front in `Trailer`).
export const CSV_TRAILERS = ['X-Total-Rows', 'X-Truncated', 'X-Next-Cursor'] as const;

interface CsvPlan {
  pager: Pager;
  columns: readonly string[];
  maxRows: number;
  name: string;
}

// Streams a list as CSV from the client's cursor, one page in memory at a time, until its end or maxRows
// (GATEWAY_CSV_MAX_ROWS). The first page is fetched before anything is sent, so a list that cannot be read at all
// answers a problem, not a broken file; the row count, whether the cap cut the list and where to continue follow
// the last row as trailers.
export async function streamCsv(plan: CsvPlan, res: Response): Promise<StreamableFile> {
  const first = await plan.pager.fetch(plan.pager.start.cursor, Math.min(MAX_LIMIT, plan.maxRows));
  res.setHeader('Trailer', CSV_TRAILERS.join(', '));
  const lines = csvLines(plan, first, (trailers) => {
    res.addTrailers(trailers);
  });
  return new StreamableFile(Readable.from(lines), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${plan.name}.csv"`,
  });
}

async function* csvLines(
  { pager, columns, maxRows }: CsvPlan,
  first: Page<unknown>,
  onEnd: (trailers: Record<string, string>) => void,
): AsyncGenerator<string> {
  yield csvHeader(columns);
  let page = first;
  let rows = 0;
  for (;;) {
    yield page.items.map((item) => csvRow(columns, item as Record<string, unknown>)).join('');
    rows += page.items.length;
    if (page.nextCursor === null || rows >= maxRows) break;
    page = await pager.fetch(page.nextCursor, Math.min(MAX_LIMIT, maxRows - rows));
  }
  const next = page.nextCursor;
  onEnd({
    'X-Total-Rows': String(rows),
    'X-Truncated': next === null ? 'false' : 'true',
    ...(next === null ? {} : { 'X-Next-Cursor': next }),
  });
}
