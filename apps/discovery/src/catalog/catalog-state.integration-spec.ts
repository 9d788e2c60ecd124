import { MongoConnection } from '@seatwise/platform/db/mongo-connection';
import { createTestScope, dropDatabase, type TestScope } from '@seatwise/testing/scope';
import { CustomCatalogRepository } from './custom-catalog.repository';

// Two discovery replicas starting at once both record the catalog version they matched with, on a fresh database
// (#18). Mutation: without the retry on a duplicate key, FerretDB 1.24 failed one replica's first upsert and the
// replica did not start.
describe('the catalog state shared by replicas', () => {
  let scope: TestScope;
  const connections: MongoConnection[] = [];
  const databases: string[] = [];

  beforeAll(() => {
    scope = createTestScope();
  });

  afterAll(async () => {
    for (const mongo of connections) await mongo.onApplicationShutdown();
    for (const db of databases) await dropDatabase(scope.mongoUrl, db);
    await scope.cleanup();
  });

  it('lets replicas write the state document first at the same time, on fresh databases, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const db = `${scope.dbName}_${round}`;
      databases.push(db);
      const repositories = await Promise.all(
        ['catalog-a', 'catalog-b', 'catalog-c'].map(async (name) => {
          const mongo = await MongoConnection.open(scope.mongoUrl, db, name);
          connections.push(mongo);
          return new CustomCatalogRepository(mongo);
        }),
      );
      await Promise.all(repositories.map((r, i) => r.setMatchedVersion(`v${i}`)));
      expect(['v0', 'v1', 'v2']).toContain(await repositories[0]!.matchedVersion());
      const revisions = await Promise.all(repositories.map((r) => r.nextRevision()));
      expect(revisions.every((n) => n >= 1)).toBe(true);
    }
  });
});
