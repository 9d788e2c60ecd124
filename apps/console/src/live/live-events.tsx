import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { applyRowUpdate, hasLoadedRowList } from './row-updates';

// The browser's EventSource, or a stand-in in tests: the stream is the one external thing here.
export type EventSourceFactory = (url: string) => EventSource;

export const EVENTS_PATH = '/api/v1/events';

interface LiveState {
  connected: boolean;
  // Rows changed that the loaded reconciliation list does not show yet: the Refresh prompt lights up.
  newRows: number;
  acknowledgeNewRows: () => void;
}

const LiveContext = createContext<LiveState>({ connected: false, newRows: 0, acknowledgeNewRows: () => undefined });

export function useLive(): LiveState {
  return useContext(LiveContext);
}

// One stream per signed-in page. Each event invalidates (or patches) the cached queries it makes stale;
// nothing polls.
export function LiveEventsProvider({ factory, children }: { factory: EventSourceFactory; children: ReactNode }) {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  const [newRows, setNewRows] = useState(0);

  useEffect(() => {
    const source = factory(EVENTS_PATH);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    const on = (name: string, handle: (payload: unknown) => void) =>
      source.addEventListener(name, (event) => handle(parse((event as MessageEvent<string>).data)));
    // A sync brings accounts (and their mappings' candidates) and authentication logs.
    on('integration.sync-status', () =>
      invalidate(client, queryKeys.integrations, queryKeys.accounts, queryKeys.discovery, queryKeys.mappings),
    );
    on('reconcile.sync-run.updated', () => invalidate(client, queryKeys.psa, queryKeys.mappings));
    on('reconcile.mapping.changed', () => invalidate(client, queryKeys.mappings, queryKeys.reconciliation));
    on('reconcile.reconciliation.updated', (payload) => {
      // A list fetch already in flight was answered before this change and would overwrite the patch when it
      // lands: start it again (invalidating cancels the one in flight).
      if (client.isFetching({ queryKey: queryKeys.reconciliationList }) > 0) {
        invalidate(client, queryKeys.reconciliationList);
      }
      if (!applyRowUpdate(client, payload)) {
        if (hasLoadedRowList(client)) setNewRows((n) => n + 1);
        // A row nobody has seen may be a Duo account reconcile just learned of: it waits to be mapped.
        invalidate(client, queryKeys.mappings);
      }
      invalidate(client, [...queryKeys.reconciliation, 'summary'], [...queryKeys.reconciliation, 'row']);
    });
    return () => source.close();
  }, [factory, client]);

  const value = useMemo(() => ({ connected, newRows, acknowledgeNewRows: () => setNewRows(0) }), [connected, newRows]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

function invalidate(client: QueryClient, ...keys: readonly (readonly string[])[]): void {
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}
