import { ReplicaDatabases } from '@seatwise/platform/testing/replica-databases';
import type { AuthLogState } from './source-state';
import { SourceRepository } from './source.repository';

const state = (accountId: string, lastLogMs: number): AuthLogState => ({
  kind: 'authlogs',
  accountId,
  lastLogMs,
  lastFraudMs: null,
  lastFraudTxid: null,
  lastFraudUser: null,
});

// Two alerts replicas (#18) meeting the same new accounts at once each write their states. Mutation: without the
// second write of the duplicate-key failures, FerretDB 1.24 failed one replica's batch (E11000) in the first rounds.
describe('source states written by replicas at once', () => {
  const databases = new ReplicaDatabases();

  afterAll(() => databases.close());

  it('stores every state, whichever replica wrote it first, round after round on fresh databases', async () => {
    for (let round = 0; round < 10; round++) {
      const connections = await databases.open(round, ['alerts-a', 'alerts-b', 'alerts-c']);
      const repositories = connections.map((mongo) => new SourceRepository(mongo));
      const now = new Date();
      await Promise.all(
        repositories.map((r, i) =>
          r.putMany(
            ['DA1', 'DA2', 'DA3'].map((a) => state(a, 1_000 * i)),
            now,
          ),
        ),
      );
      await Promise.all(repositories.map((r, i) => r.put(state('DA9', i), now)));
      const stored = await repositories[0]!.allOf('authlogs');
      expect(stored.map((s) => s.kind === 'authlogs' && s.accountId).sort()).toEqual(['DA1', 'DA2', 'DA3', 'DA9']);
      // Each document is one replica's whole state, never a mix.
      for (const s of stored) expect(s.kind === 'authlogs' && [0, 1, 2, 1_000, 2_000].includes(s.lastLogMs)).toBe(true);
    }
  });
});
