import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types';
import { useCursorList } from '../../ui/use-cursor-list';

export type Integration = ItemOf<'/api/v1/integrations'>;
export type DuoAccount = ItemOf<'/api/v1/accounts'>;
export type IntegrationInput = BodyOf<'/api/v1/integrations', 'post'>;
export type IntegrationChanges = BodyOf<'/api/v1/integrations/{id}', 'patch'>;
// What creating or changing an integration answers: the integration and the probe of its keys.
export type IntegrationReport = ResponseOf<'/api/v1/integrations', 'post'>;

const PAGE = '100';

export function useIntegrationList() {
  const api = useApi();
  return useCursorList([...queryKeys.integrations, 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/integrations', { params: { query: { limit: PAGE, cursor } } })),
  );
}

export function useIntegrationAccounts(integrationId: string) {
  const api = useApi();
  return useCursorList([...queryKeys.accounts, 'list', { integrationId }], (cursor) =>
    unwrap(api.GET('/api/v1/accounts', { params: { query: { integrationId, limit: PAGE, cursor } } })),
  );
}

// Everything a change to an integration can make stale: the integration, its accounts, and the
// inventories discovered through them.
function useInvalidateDuo() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [queryKeys.integrations, queryKeys.accounts, queryKeys.discovery].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}

export interface AuthenticateRequest {
  // Set once a first attempt stored the integration: the gateway stores it even when Duo refuses the keys,
  // so a second attempt changes that integration instead of creating a duplicate (which would conflict).
  savedId: string | null;
  input: IntegrationInput;
}

export function useAuthenticateIntegration() {
  const api = useApi();
  const invalidate = useInvalidateDuo();
  return useMutation({
    mutationFn: ({ savedId, input }: AuthenticateRequest): Promise<IntegrationReport> =>
      savedId === null
        ? unwrap(api.POST('/api/v1/integrations', { body: input }))
        : unwrap(api.PATCH('/api/v1/integrations/{id}', { params: { path: { id: savedId } }, body: input })),
    onSettled: invalidate,
  });
}

export function useUpdateIntegration(id: string) {
  const api = useApi();
  const invalidate = useInvalidateDuo();
  return useMutation({
    mutationFn: (changes: IntegrationChanges): Promise<IntegrationReport> =>
      unwrap(api.PATCH('/api/v1/integrations/{id}', { params: { path: { id } }, body: changes })),
    onSettled: invalidate,
  });
}

export function useSyncIntegration(id: string) {
  const api = useApi();
  const invalidate = useInvalidateDuo();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/integrations/{id}/sync', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useDeleteIntegration(id: string) {
  const api = useApi();
  const invalidate = useInvalidateDuo();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/integrations/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export type AccountList = ReturnType<typeof useIntegrationAccounts>;
