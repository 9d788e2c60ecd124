import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { BodyOf, ItemOf } from '../../api/types';
import { useCursorList } from '../../ui/use-cursor-list';

export type ApiKey = ItemOf<'/api/v1/api-keys'>;
export type NewApiKey = BodyOf<'/api/v1/api-keys', 'post'>;
export type ApiKeyRole = ApiKey['role'];

export function useApiKeys() {
  const api = useApi();
  return useCursorList([...queryKeys.apiKeys, 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/api-keys', { params: { query: cursor === undefined ? {} : { cursor } } })),
  );
}

// The answer carries the key itself, once: it stays in this mutation's state (never in the query cache)
// until the dialog showing it is closed and the mutation reset.
export function useCreateApiKey() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiKey) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}
