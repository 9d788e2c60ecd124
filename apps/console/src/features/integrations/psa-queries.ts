import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { BodyOf, ItemOf } from '../../api/types';
import { useCursorList } from '../../ui/use-cursor-list';

export type PsaConnection = ItemOf<'/api/v1/psa/connections'>;
export type SyncRun = ItemOf<'/api/v1/sync-runs'>;
export type PsaConnectionInput = BodyOf<'/api/v1/psa/connections', 'post'>;
export type PsaConnectionChanges = BodyOf<'/api/v1/psa/connections/{id}', 'patch'>;
export type PsaImport = BodyOf<'/api/v1/psa/import', 'post'>;

export function usePsaConnections() {
  const api = useApi();
  return useCursorList([...queryKeys.psa, 'connections'], (cursor) =>
    unwrap(api.GET('/api/v1/psa/connections', { params: { query: { limit: '100', cursor } } })),
  );
}

export function useSyncRuns(connectionId: string) {
  const api = useApi();
  return useCursorList([...queryKeys.psa, 'sync-runs', { connectionId }], (cursor) =>
    unwrap(api.GET('/api/v1/sync-runs', { params: { query: { connectionId, limit: '20', cursor } } })),
  );
}

// A connection's data feeds the mappings and the reconciliation rows: changing or removing it can change both.
function useInvalidatePsa(...also: readonly (readonly string[])[]) {
  const client = useQueryClient();
  return () => Promise.all([queryKeys.psa, ...also].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useCreatePsaConnection() {
  const api = useApi();
  const invalidate = useInvalidatePsa(queryKeys.mappings);
  return useMutation({
    mutationFn: (input: PsaConnectionInput) => unwrap(api.POST('/api/v1/psa/connections', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdatePsaConnection(id: string) {
  const api = useApi();
  const invalidate = useInvalidatePsa(queryKeys.mappings, queryKeys.reconciliation);
  return useMutation({
    mutationFn: (changes: PsaConnectionChanges) =>
      unwrap(api.PATCH('/api/v1/psa/connections/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: invalidate,
  });
}

export function useDeletePsaConnection(id: string) {
  const api = useApi();
  const invalidate = useInvalidatePsa(queryKeys.mappings, queryKeys.reconciliation);
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/psa/connections/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useStartSyncRun(connectionId: string) {
  const api = useApi();
  const invalidate = useInvalidatePsa();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/sync-runs', { body: { connectionId } })),
    onSuccess: invalidate,
  });
}

export function useImportPsa() {
  const api = useApi();
  const invalidate = useInvalidatePsa(queryKeys.mappings, queryKeys.reconciliation);
  return useMutation({
    mutationFn: (body: PsaImport) => unwrap(api.POST('/api/v1/psa/import', { body })),
    onSuccess: invalidate,
  });
}
