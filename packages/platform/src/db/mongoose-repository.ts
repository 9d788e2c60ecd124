import type { OnModuleInit } from '@nestjs/common';
import type { Model, QueryFilter, Schema, UpdateQuery } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { fillAbsent } from './fill-absent';
import type { PageFinder } from './find-page';
import type { MongoConnection } from './mongo-connection';

export interface CollectionSpec<D> {
  // The mongoose model name and the collection it stores in.
  model: string;
  collection: string;
  schema: Schema<D>;
  // What a read fills in where a field is absent (see fillAbsent).
  defaults?: Partial<D>;
}

// A plain-document find on a model, every document with its absent fields filled: what findMany runs,
// and what a repository over several collections (which cannot extend the class) calls per model.
export async function findFilled<D extends object>(
  model: Model<D>,
  defaults: Partial<D>,
  filter: Record<string, unknown>,
  sort?: Record<string, 1 | -1>,
  limit?: number,
): Promise<D[]> {
  // Filters are built by the repository that owns the model, from its own document type.
  const query = model.find(filter as QueryFilter<D>);
  if (sort) query.sort(sort);
  if (limit !== undefined) query.limit(limit);
  return (await query.lean<D[]>().exec()).map((doc) => fillAbsent(defaults, doc));
}

// What every mongoose-backed repository shares: its model on the service's connection, the schema's
// indexes created at start, inserts, reads by id, and plain finds whose documents come back with their
// absent fields filled. The model stays inside the repository: subclasses add the queries their feature
// needs, and nothing else reaches the collection.
export abstract class MongooseRepository<D extends { _id: string }> implements OnModuleInit {
  protected readonly model: Model<D>;
  private readonly defaults: Partial<D>;

  protected constructor(mongo: MongoConnection, spec: CollectionSpec<D>) {
    this.model = mongo.connection.model<D>(spec.model, spec.schema, spec.collection);
    this.defaults = spec.defaults ?? {};
  }

  async onModuleInit(): Promise<void> {
    await this.model.createIndexes();
  }

  async insert(doc: D): Promise<void> {
    await this.model.create(doc);
  }

  // Inserts unless a document with its _id exists (false then). Prefer it to an upsert of a new _id: an insert is a
  // keyed write on every server, while FerretDB 1.24 answers an upsert (or any filter beyond _id) that matches
  // nothing by reading the whole collection.
  async insertIfAbsent(doc: D): Promise<boolean> {
    try {
      await this.model.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<D | null> {
    return this.filled(await this.model.findById(id).lean<D>().exec());
  }

  async delete(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id } as QueryFilter<D>).exec()).deletedCount === 1;
  }

  protected filled(doc: D | null): D | null {
    return fillAbsent(this.defaults, doc);
  }

  // Updates the first matching document and reads it back as it is after the update (filled), or null
  // when nothing matched: the compare-and-set of a repository (the filter names the expected state).
  protected async updateAndRead(
    filter: Record<string, unknown>,
    update: UpdateQuery<D>,
    options: { upsert?: boolean } = {},
  ): Promise<D | null> {
    const query = this.model.findOneAndUpdate(filter as QueryFilter<D>, update, {
      returnDocument: 'after',
      ...options,
    });
    return this.filled(await query.lean<D>().exec());
  }

  // Filters are built by the subclass from its own document type.
  protected findMany(filter: Record<string, unknown>, sort?: Record<string, 1 | -1>, limit?: number): Promise<D[]> {
    return findFilled(this.model, this.defaults, filter, sort, limit);
  }

  // The same find, as findPage runs it.
  protected finder(): PageFinder<D> {
    return (filter, sort, limit) => this.findMany(filter, sort, limit);
  }
}
