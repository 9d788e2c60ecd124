import type { PageFinder } from '@seatwise/platform/db/find-page';
import { NativeRepository } from '@seatwise/platform/db/native-repository';
import type { mongo } from 'mongoose';
import type { Scope } from './ids';

// A collection whose documents each belong to one account: every read is confined to the caller's
// account, and documents come back with the fields FerretDB dropped filled from the declared defaults.
export abstract class ScopedRepository<D extends { _id: string; accountId: string }> extends NativeRepository<D> {
  // By _id alone (FerretDB scans for any other filter), the account checked on the document.
  async get(scope: Scope, id: string): Promise<D | null> {
    const doc = (await this.collection.findOne({ _id: id } as mongo.Filter<D>)) as D | null;
    return doc?.accountId === scope.accountId ? this.filled(doc) : null;
  }

  async find(scope: Scope, filter: mongo.Filter<D>, sort: Record<string, 1 | -1>, limit: number): Promise<D[]> {
    return this.findAmong(await this.narrow(scope), scope, filter, sort, limit);
  }

  // The ids of the account's documents to confine its reads to (see AccountMembersRepository.narrowing); null: none.
  protected narrow(_scope: Scope): Promise<readonly string[] | null> {
    return Promise.resolve(null);
  }

  // The find within `ids` when given: the server reads those by id, then filters, sorts and limits them.
  protected async findAmong(
    ids: readonly string[] | null,
    scope: Scope,
    filter: mongo.Filter<D>,
    sort: Record<string, 1 | -1>,
    limit: number,
  ): Promise<D[]> {
    if (ids?.length === 0) return [];
    const among = ids ? { _id: { $in: [...ids] } } : {};
    const scoped = { ...among, $and: [{ accountId: scope.accountId }, filter] } as mongo.Filter<D>;
    const docs = (await this.collection.find(scoped).sort(sort).limit(limit).toArray()) as D[];
    return docs.map((doc) => this.filled(doc));
  }

  // The same find, as findPage runs it (its filters are built by the queries from D's own fields).
  finder(scope: Scope): PageFinder<D> {
    return (filter, sort, limit) => this.find(scope, filter as mongo.Filter<D>, sort, limit);
  }
}

// One index per sort a list offers: the account, the sort field, then _id (the cursor's tie-break).
export function listIndexes(sortFields: readonly string[]): Record<string, 1>[] {
  return sortFields.map((field) => ({ accountId: 1, [field]: 1, _id: 1 }));
}
