import { ReplicaDatabases } from '@seatwise/platform/testing/replica-databases';
import { DerivationStateRepository } from './derivation-state.repository';

// Two discovery replicas starting at once on a fresh database both record that the inventories are current (#18).
// Mutation noted: without the retry on a duplicate key, FerretDB 1.24 failed one replica's first write (E11000 on
// `derivation`) and that replica did not start; this spec then fails in its first rounds.
describe('the derivation state shared by replicas', () => {
  const databases = new ReplicaDatabases();

  afterAll(() => databases.close());

  it('lets replicas write the state document first at the same time, on fresh databases, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const connections = await databases.open(round, ['derivation-a', 'derivation-b', 'derivation-c']);
      const repositories = connections.map((mongo) => new DerivationStateRepository(mongo));
      await Promise.all(repositories.map((r) => r.save(3, 'current')));
      expect(await repositories[1]!.get()).toEqual({ _id: 'inventories', version: 3, state: 'current' });
    }
  });
});
