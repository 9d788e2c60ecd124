import { z } from 'zod';

// Every list, over RPC and HTTP: one page of items and the opaque cursor of the next page (null on the
// last). A cursor is only valid with the same sort and filters that produced it.
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

// The TypeScript shape of any page.
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
