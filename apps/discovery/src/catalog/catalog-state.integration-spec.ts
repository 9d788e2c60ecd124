import { ReplicaDatabases } from '@seatwise/platform/testing/replica-databases';
import { CustomCatalogRepository } from './custom-catalog.repository';

// Two discovery replicas starting at once both record the catalog version they matched with, on a fresh database
// (#18). Mutation: without the retry on a duplicate key, FerretDB 1.24 failed one replica's first upsert and the
// replica did not start.
describe('the catalog state shared by replicas', () => {
  const databases = new ReplicaDatabases();

  afterAll(() => databases.close());

  it('lets replicas write the state document first at the same time, on fresh databases, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const connections = await databases.open(round, ['catalog-a', 'catalog-b', 'catalog-c']);
      const repositories = connections.map((mongo) => new CustomCatalogRepository(mongo));
      await Promise.all(repositories.map((r, i) => r.setMatchedVersion(`v${i}`)));
      expect(['v0', 'v1', 'v2']).toContain(await repositories[0]!.matchedVersion());
      const revisions = await Promise.all(repositories.map((r) => r.nextRevision()));
      expect(revisions.every((n) => n >= 1)).toBe(true);
    }
  });
});
