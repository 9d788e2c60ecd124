import { fillAbsent } from '@seatwise/platform/db/fill-absent';
import type { PageFinder } from '@seatwise/platform/db/find-page';
import type { Model, QueryFilter } from 'mongoose';

// A repository's plain-document find, every document read with the fields FerretDB dropped (or older documents
// lack) filled from the collection's defaults.
export async function findFilled<D extends object>(
  model: Model<D>,
  defaults: Partial<D>,
  filter: Record<string, unknown>,
  sort?: Record<string, 1 | -1>,
  limit?: number,
): Promise<D[]> {
  // The filters are built by the repository that owns the model, from its own document type.
  const query = model.find(filter as QueryFilter<D>);
  if (sort) query.sort(sort);
  if (limit !== undefined) query.limit(limit);
  return (await query.lean<D[]>().exec()).map((doc) => fillAbsent(defaults, doc));
}

// The same find, as findPage runs it.
export function filledFinder<D extends object>(model: Model<D>, defaults: Partial<D>): PageFinder<D> {
  return (filter, sort, limit) => findFilled(model, defaults, filter, sort, limit);
}
