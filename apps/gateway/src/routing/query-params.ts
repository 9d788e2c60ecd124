import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../lists/pager';

// Query parameters arrive as text; these parse them and document themselves as text in OpenAPI.

export const limitParam = z
  .string()
  .regex(/^\d{1,6}$/, 'must be a whole number')
  .optional()
  .transform((v) => (v === undefined ? DEFAULT_LIMIT : Number(v)))
  .pipe(z.number().int().min(1).max(MAX_LIMIT))
  .describe(`Page size, 1-${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`);

const cursorParam = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned as nextCursor')
  .optional()
  .describe('nextCursor of the previous page; omit for the first page.');

const formatParam = z
  .enum(['json', 'csv'])
  .optional()
  .describe('csv exports the list from this cursor on, following its pages (same as Accept: text/csv).');

export const booleanParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const dateTimeParam = z.iso.datetime({ offset: true }).optional();

// Free-text search: bounded, so it cannot become an expensive regex upstream.
export const searchParam = z.string().trim().min(1).max(100).optional().describe('Case-insensitive text search.');

const listQueryShape = { limit: limitParam, cursor: cursorParam, format: formatParam };

export function listQuery<S extends z.ZodRawShape>(filters: S) {
  return z.object({ ...filters, ...listQueryShape }).strict();
}
