import { createTestScope, type TestScope } from '@seatwise/testing/scope';
import type { mongo } from 'mongoose';
import { Schema } from 'mongoose';
import { findPage } from './find-page';
import { MongoConnection } from './mongo-connection';
import { MongooseRepository } from './mongoose-repository';
import { NativeRepository } from './native-repository';

interface ThingDoc {
  _id: string;
  name: string;
  rank: number;
  note: string | null;
}

const schema = new Schema<ThingDoc>({ _id: String, name: String, rank: Number, note: String }, { versionKey: false });
schema.index({ name: 1 }, { unique: true });

class ThingRepository extends MongooseRepository<ThingDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, { model: 'Thing', collection: 'things', schema, defaults: { note: null } });
  }

  rename(id: string, from: string, to: string) {
    return this.updateAndRead({ _id: id, name: from }, { $set: { name: to } });
  }

  page(cursor?: string) {
    return findPage(this.finder(), {}, { sort: '-rank', limit: 2, cursor }, (doc) => `${doc.name}:${doc.note}`);
  }
}

interface RowDoc extends mongo.Document {
  _id: string;
  accountId: string;
  note?: string | null;
}

class RowRepository extends NativeRepository<RowDoc> {
  constructor(mongo: MongoConnection) {
    super(mongo, 'rows', [{ accountId: 1, _id: 1 }], { note: null });
  }

  async write(doc: RowDoc): Promise<void> {
    await this.collection.insertOne(doc);
  }

  async read(id: string): Promise<RowDoc | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc ? this.filled(doc) : null;
  }

  indexNames(): Promise<string[]> {
    return this.collection.indexes().then((list) => list.map((index) => index.name ?? ''));
  }
}

describe('repository bases on a real server', () => {
  let scope: TestScope;
  let mongo: MongoConnection;

  beforeAll(async () => {
    scope = createTestScope();
    mongo = await MongoConnection.open(scope.mongoUrl, scope.dbName, 'repositories-spec');
  });

  afterAll(async () => {
    await mongo.onApplicationShutdown();
    await scope.cleanup();
  });

  it('creates the schema indexes, inserts, reads by id with absent fields filled, and pages', async () => {
    const things = new ThingRepository(mongo);
    await things.onModuleInit();
    for (const [i, name] of ['a', 'b', 'c'].entries()) await things.insert({ _id: `t${i}`, name, rank: i, note: null });
    await expect(things.insert({ _id: 't9', name: 'a', rank: 9, note: null })).rejects.toMatchObject({ code: 11000 });
    // A null given on insert may be dropped by the server (FerretDB 1.x): the read fills it back.
    expect(await things.findById('t1')).toEqual({ _id: 't1', name: 'b', rank: 1, note: null });
    expect(await things.findById('nope')).toBeNull();
    const first = await things.page();
    expect(first.items).toEqual(['c:null', 'b:null']);
    expect((await things.page(first.nextCursor!)).items).toEqual(['a:null']);
  });

  it('updates only from the expected state, reads the result back filled, and deletes by id', async () => {
    const things = new ThingRepository(mongo);
    await things.insert({ _id: 'u1', name: 'old', rank: 5, note: null });
    expect(await things.rename('u1', 'old', 'new')).toEqual({ _id: 'u1', name: 'new', rank: 5, note: null });
    expect(await things.rename('u1', 'old', 'newer')).toBeNull();
    expect(await things.delete('u1')).toBe(true);
    expect(await things.delete('u1')).toBe(false);
    expect(await things.findById('u1')).toBeNull();
  });

  it('creates a native repository collection indexes at start', async () => {
    const rows = new RowRepository(mongo);
    await rows.onModuleInit();
    expect(await rows.indexNames()).toEqual(expect.arrayContaining(['accountId_1__id_1']));
    await rows.write({ _id: 'r1', accountId: 'a' });
    expect(await rows.read('r1')).toEqual({ _id: 'r1', accountId: 'a', note: null });
  });
});
