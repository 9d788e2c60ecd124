import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types';
import { booleanParam } from '../../ui/search-params';
import { useCursorList } from '../../ui/use-cursor-list';
import type { SaasSearch } from './saas-search';

export type Service = ItemOf<'/api/v1/services'>;
export type ServiceDetail = ResponseOf<'/api/v1/services/{id}', 'get'>;
export type DuoUser = ItemOf<'/api/v1/users'>;
export type ServiceUser = ItemOf<'/api/v1/services/{id}/users'>;
export type UserService = ItemOf<'/api/v1/users/{id}/services'>;
export type DiscoveryAction = ItemOf<'/api/v1/discovery/actions'>;
export type CatalogProduct = ItemOf<'/api/v1/catalog'>;
export type AccountSummary = ItemOf<'/api/v1/discovery/summary'>;
export type ServiceUsersSort = NonNullable<QueryOf<'/api/v1/services/{id}/users'>['sort']>;
export type UserServicesSort = NonNullable<QueryOf<'/api/v1/users/{id}/services'>['sort']>;

// Every SaaS query key starts with queryKeys.discovery: the live stream (integration.sync-status) and the
// curation mutations invalidate them all at once. The groups and seats queries build theirs with it too.
export const discoveryKey = (...parts: unknown[]) => [...queryKeys.discovery, ...parts];
const key = discoveryKey;
const DAY_MS = 86_400_000;
export const withCursor = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });

// The services route's parameters for the URL's filters (the CSV link uses the same).
export function servicesParams(accountId: string, s: SaasSearch): QueryOf<'/api/v1/services'> {
  return {
    accountId,
    q: s.q,
    status: s.status,
    matched: booleanParam(s.matched),
    includeMerged: booleanParam(s.includeMerged),
    lastSeenSince: s.seenDays === undefined ? undefined : new Date(Date.now() - s.seenDays * DAY_MS).toISOString(),
    sort: s.sort,
  };
}

export function usersParams(accountId: string, s: SaasSearch): QueryOf<'/api/v1/users'> {
  return { accountId, q: s.userQ, status: s.userStatus, removed: booleanParam(s.removed), sort: s.userSort };
}

export function actionsParams(
  accountId: string,
  automatic: boolean | undefined,
  serviceId?: string,
): QueryOf<'/api/v1/discovery/actions'> {
  return { accountId, automatic: booleanParam(automatic), serviceId };
}

export function useServices(accountId: string, s: SaasSearch) {
  const api = useApi();
  const filters = [s.q, s.status, s.matched, s.includeMerged, s.seenDays, s.sort];
  return useCursorList(key('services', accountId, filters), (cursor) =>
    unwrap(
      api.GET('/api/v1/services', { params: { query: { ...servicesParams(accountId, s), ...withCursor(cursor) } } }),
    ),
  );
}

export function useUsers(accountId: string, s: SaasSearch) {
  const api = useApi();
  const filters = [s.userQ, s.userStatus, s.removed, s.userSort];
  return useCursorList(key('users', accountId, filters), (cursor) =>
    unwrap(api.GET('/api/v1/users', { params: { query: { ...usersParams(accountId, s), ...withCursor(cursor) } } })),
  );
}

export function useActions(accountId: string, automatic: boolean | undefined, serviceId?: string) {
  const api = useApi();
  return useCursorList(key('actions', accountId, automatic, serviceId), (cursor) =>
    unwrap(
      api.GET('/api/v1/discovery/actions', {
        params: { query: { ...actionsParams(accountId, automatic, serviceId), ...withCursor(cursor) } },
      }),
    ),
  );
}

// One account's summary, or every account's when none is chosen.
export function useDiscoverySummary(accountId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: key('summary', accountId ?? null),
    queryFn: () =>
      unwrap(api.GET('/api/v1/discovery/summary', { params: { query: accountId === undefined ? {} : { accountId } } })),
  });
}

export function useService(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: key('service', id),
    queryFn: () => unwrap(api.GET('/api/v1/services/{id}', { params: { path: { id } } })),
  });
}

export function useServiceUsers(id: string, sort: ServiceUsersSort | undefined) {
  const api = useApi();
  return useCursorList(key('service-users', id, sort), (cursor) =>
    unwrap(
      api.GET('/api/v1/services/{id}/users', { params: { path: { id }, query: { sort, ...withCursor(cursor) } } }),
    ),
  );
}

export function useUser(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: key('user', id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}

export function useUserServices(id: string, sort: UserServicesSort | undefined) {
  const api = useApi();
  return useCursorList(key('user-services', id, sort), (cursor) =>
    unwrap(
      api.GET('/api/v1/users/{id}/services', { params: { path: { id }, query: { sort, ...withCursor(cursor) } } }),
    ),
  );
}

const PICKER_LIMIT = '50';

// Catalog products for the match picker, searched on the server (names, vendors and aliases).
export function useCatalogSearch(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: key('catalog', q),
    queryFn: () =>
      unwrap(api.GET('/api/v1/catalog', { params: { query: { limit: PICKER_LIMIT, ...(q === '' ? {} : { q }) } } })),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

// Services a service may be merged into: the same account's, searched by name (merged ones are left out by
// the route's default, and the API refuses those anyway).
export function useMergeTargets(accountId: string, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: key('merge-targets', accountId, q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/services', {
          params: { query: { accountId, limit: PICKER_LIMIT, sort: 'name', ...(q === '' ? {} : { q }) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateDiscovery() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.discovery });
}

export function useMatchService(id: string) {
  const api = useApi();
  const onSuccess = useInvalidateDiscovery();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/services/{id}/match', 'post'>) =>
      unwrap(api.POST('/api/v1/services/{id}/match', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useMergeService(id: string) {
  const api = useApi();
  const onSuccess = useInvalidateDiscovery();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/services/{id}/merge', 'post'>) =>
      unwrap(api.POST('/api/v1/services/{id}/merge', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useIgnoreService(id: string) {
  const api = useApi();
  const onSuccess = useInvalidateDiscovery();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/services/{id}/ignore', 'post'>) =>
      unwrap(api.POST('/api/v1/services/{id}/ignore', { params: { path: { id } }, body })),
    onSuccess,
  });
}
