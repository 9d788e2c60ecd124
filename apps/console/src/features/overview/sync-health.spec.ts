import type { Account, Integration } from './overview-queries';
import { rankSyncHealth } from './sync-health';

const integration = (over: Partial<Integration>): Integration => ({
  id: 'int_1',
  name: 'Integration',
  kind: 'admin',
  apiHostname: 'api-1.duosecurity.com',
  integrationKey: 'DIAAAAAAAAAAAAAAAAAA',
  status: 'connected',
  syncStatus: 'idle',
  lastError: null,
  lastSyncAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

const account = (over: Partial<Account>): Account => ({
  id: 'DA1',
  integrationId: 'int_1',
  name: 'Account',
  edition: 'ENTERPRISE',
  seats: 10,
  syncStatus: 'idle',
  behindMs: null,
  lastError: null,
  lastSyncAt: null,
  removed: false,
  ...over,
});

const error = (at: string) => ({ code: 'CONNECTOR.DUO_UNAVAILABLE', message: 'down', at });

describe('rankSyncHealth', () => {
  it('puts failures first (newest first), then fetching by how far behind, then idle by name', () => {
    const ranked = rankSyncHealth(
      [
        integration({ id: 'a', name: 'Idle integration' }),
        integration({
          id: 'b',
          name: 'Refused integration',
          status: 'error',
          lastError: error('2025-01-01T00:00:00Z'),
        }),
      ],
      [
        account({ id: '1', name: 'Backfilling', syncStatus: 'backfilling', behindMs: 9_000_000 }),
        account({ id: '2', name: 'Syncing', syncStatus: 'syncing', behindMs: 60_000 }),
        account({ id: '3', name: 'Also idle' }),
        account({ id: '4', name: 'Retrying', lastError: error('2025-02-01T00:00:00Z') }),
      ],
    );
    expect(ranked.map((e) => e.name)).toEqual([
      'Retrying',
      'Refused integration',
      'Backfilling',
      'Syncing',
      'Also idle',
      'Idle integration',
    ]);
  });

  it('counts an integration whose status is error as failing even before a sync error is recorded', () => {
    const [first] = rankSyncHealth(
      [integration({ id: 'x', name: 'Pending keys', status: 'error' })],
      [account({ name: 'Busy', syncStatus: 'syncing', behindMs: 1 })],
    );
    expect(first?.name).toBe('Pending keys');
    expect(first?.tier).toBe(0);
  });
});
