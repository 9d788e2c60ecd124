import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/client';
import { queryKeys } from '../api/query-keys';
import type { ResponseOf } from '../api/types';

export type Session = ResponseOf<'/api/v1/session', 'post'>;

// The signed-in session (or null when signed out) is server state like any other: it lives in the query
// cache, and the API client reads the CSRF token from there.
export function useSession() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: async (): Promise<Session | null> => (await unwrap(api.GET('/api/v1/session'))).session,
    staleTime: Infinity,
    retry: false,
  });
}

export function csrfTokenFrom(client: QueryClient): string | undefined {
  return client.getQueryData<Session | null>(queryKeys.session)?.csrfToken;
}

export function useSignIn() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (apiKey: string) => unwrap(api.POST('/api/v1/session', { body: { apiKey } })),
    onSuccess: (session) => {
      forgetServerState(client);
      client.setQueryData(queryKeys.session, session);
    },
  });
}

export function useSignOut() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/session')),
    onSettled: () => {
      forgetServerState(client);
      client.setQueryData(queryKeys.session, null);
    },
  });
}

// A viewer sees no mutating control; the gateway refuses their mutations all the same.
export function useCanChange(): boolean {
  return useSession().data?.role === 'admin';
}

// Another key's data must not show under the new session. The session query itself stays (its observers
// would otherwise keep watching a query no longer in the cache) and is overwritten by the caller.
function forgetServerState(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
}
