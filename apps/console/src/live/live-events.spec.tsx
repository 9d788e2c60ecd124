import { screen, waitFor } from '@testing-library/react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { row } from '../features/reconciliation/reconciliation-fixtures';
import { FakeEventSource } from '../testing/fake-event-source';
import { FakeGateway } from '../testing/fake-gateway';
import { renderWithApp } from '../testing/render';
import { useLive } from './live-events';

function Probe() {
  const api = useApi();
  const mappings = useQuery({
    queryKey: [...queryKeys.mappings, 'accounts'],
    queryFn: () => unwrap(api.GET('/api/v1/mappings/accounts', { params: { query: {} } })),
  });
  const integrations = useQuery({
    queryKey: queryKeys.integrations,
    queryFn: () => unwrap(api.GET('/api/v1/integrations', { params: { query: {} } })),
  });
  const { connected, newRows } = useLive();
  return (
    <p>
      {mappings.data ? 'mappings loaded' : 'loading'} {integrations.data ? 'integrations loaded' : ''}{' '}
      {connected ? 'live' : 'offline'} new rows: {newRows}
    </p>
  );
}

const page = { body: { items: [], nextCursor: null } };

// The live stream is how the console learns of changes: each event refetches the queries it makes stale.
describe('live events', () => {
  it('refetches what an event makes stale, and counts rows no loaded list shows', async () => {
    const gateway = new FakeGateway().on('GET /api/v1/mappings/accounts', page).on('GET /api/v1/integrations', page);
    const { deps } = renderWithApp(<Probe />, { gateway });
    await screen.findByText(/mappings loaded integrations loaded/);
    const stream = FakeEventSource.last;
    stream?.open();
    await screen.findByText(/live/);

    const before = { mappings: gateway.made('GET /api/v1/mappings/accounts').length };
    stream?.emit('reconcile.mapping.changed', { kind: 'account', accountId: 'DA1', state: 'mapped', revision: 2 });
    await waitFor(() => expect(gateway.made('GET /api/v1/mappings/accounts').length).toBe(before.mappings + 1));

    const integrations = gateway.made('GET /api/v1/integrations').length;
    stream?.emit('integration.sync-status', { integrationId: 'int_1', syncStatus: 'syncing', revision: 3 });
    await waitFor(() => expect(gateway.made('GET /api/v1/integrations').length).toBe(integrations + 1));

    // No reconciliation list is loaded: a new row is not news yet (the list will show it when opened).
    stream?.emit('reconcile.reconciliation.updated', { rowId: 'rec_new', revision: 1, state: 'pending' });
    await waitFor(() => expect(gateway.made('GET /api/v1/mappings/accounts').length).toBe(before.mappings + 2));
    expect(screen.getByText(/new rows: 0/)).toBeInTheDocument();
    deps.queryClient.setQueryData([...queryKeys.reconciliationList, {}], { pages: [], pageParams: [] });
    stream?.emit('reconcile.reconciliation.updated', { rowId: 'rec_new', revision: 2, state: 'pending' });
    expect(await screen.findByText(/new rows: 1/)).toBeInTheDocument();
  });

  // The approve answer's refetch can be in flight when the row's next change (applied) streams in: the older
  // answer must not land over it.
  it('does not let a list fetch answered before an update overwrite it', async () => {
    let release: () => void = () => undefined;
    const answers = [
      { body: { items: [row({ state: 'pending', revision: 1 })], nextCursor: null } },
      new Promise<{ body: unknown }>((resolve) => {
        release = () => resolve({ body: { items: [row({ state: 'approved', revision: 2 })], nextCursor: null } });
      }),
      { body: { items: [row({ state: 'applied', revision: 3 })], nextCursor: null } },
    ];
    let served = 0;
    const gateway = new FakeGateway().on('GET /api/v1/reconciliation', () => answers[Math.min(served++, 2)] ?? {});
    const { deps } = renderWithApp(<RowProbe />, { gateway });
    await screen.findByText('row-1 pending');

    void deps.queryClient.invalidateQueries({ queryKey: queryKeys.reconciliationList });
    await waitFor(() => expect(served).toBe(2));
    FakeEventSource.last?.emit('reconcile.reconciliation.updated', {
      ...row({ state: 'applied', revision: 3 }),
      rowId: 'row-1',
    });
    release();

    await screen.findByText('row-1 applied');
    await waitFor(() => expect(deps.queryClient.isFetching()).toBe(0));
    expect(screen.getByText('row-1 applied')).toBeInTheDocument();
  });
});

function RowProbe() {
  const api = useApi();
  const list = useInfiniteQuery({
    queryKey: [...queryKeys.reconciliationList, {}],
    queryFn: () => unwrap(api.GET('/api/v1/reconciliation', { params: { query: {} } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: () => undefined,
  });
  const first = list.data?.pages[0]?.items[0];
  return <p>{first ? `${first.id} ${first.state}` : 'loading'}</p>;
}
