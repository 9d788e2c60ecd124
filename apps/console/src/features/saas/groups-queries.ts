import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import type { ItemOf, QueryOf, ResponseOf } from '../../api/types';
import { booleanParam } from '../../ui/search-params';
import { useCursorList } from '../../ui/use-cursor-list';
import { discoveryKey, withCursor } from './saas-queries';
import type { SaasSearch } from './saas-search';

// One service across every customer account: a catalog product, or an unmatched name.
export type ServiceGroup = ItemOf<'/api/v1/discovery/groups'>;
export type ServiceGroupDetail = ResponseOf<'/api/v1/discovery/groups/{id}', 'get'>;
export type GroupAccount = ServiceGroupDetail['accounts'][number];

// The groups route's parameters for the URL's filters (the CSV link uses the same).
export function groupsParams(s: SaasSearch): QueryOf<'/api/v1/discovery/groups'> {
  return { q: s.groupQ, matched: booleanParam(s.groupMatched), sort: s.groupSort };
}

export function useServiceGroups(s: SaasSearch) {
  const api = useApi();
  return useCursorList(discoveryKey('groups', [s.groupQ, s.groupMatched, s.groupSort]), (cursor) =>
    unwrap(api.GET('/api/v1/discovery/groups', { params: { query: { ...groupsParams(s), ...withCursor(cursor) } } })),
  );
}

export function useServiceGroup(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: discoveryKey('group', id),
    queryFn: () => unwrap(api.GET('/api/v1/discovery/groups/{id}', { params: { path: { id } } })),
  });
}
