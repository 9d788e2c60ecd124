import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import type { BodyOf, ItemOf, QueryOf } from '../../api/types';
import { useCursorList } from '../../ui/use-cursor-list';
import { discoveryKey, useInvalidateDiscovery, withCursor } from './saas-queries';
import type { SaasSearch } from './saas-search';

export type AccountSeats = ItemOf<'/api/v1/discovery/seats'>;
export type ReclaimableSeat = ItemOf<'/api/v1/discovery/seats/{accountId}/reclaimable'>;
type SeatSettingsBody = BodyOf<'/api/v1/discovery/seats/{accountId}/settings', 'put'>;

// One account's seat counts, or every account's (and the total) when none is given.
export function useSeats(accountId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: discoveryKey('seats', accountId ?? null),
    queryFn: () =>
      unwrap(api.GET('/api/v1/discovery/seats', { params: { query: accountId === undefined ? {} : { accountId } } })),
  });
}

export function reclaimableParams(s: SaasSearch): QueryOf<'/api/v1/discovery/seats/{accountId}/reclaimable'> {
  return { reason: s.reason, sort: s.seatSort };
}

export function useReclaimable(accountId: string, s: SaasSearch) {
  const api = useApi();
  return useCursorList(discoveryKey('reclaimable', accountId, [s.reason, s.seatSort]), (cursor) =>
    unwrap(
      api.GET('/api/v1/discovery/seats/{accountId}/reclaimable', {
        params: { path: { accountId }, query: { ...reclaimableParams(s), ...withCursor(cursor) } },
      }),
    ),
  );
}

export function useSeatSettings(accountId: string) {
  const api = useApi();
  return useQuery({
    queryKey: discoveryKey('seat-settings', accountId),
    queryFn: () => unwrap(api.GET('/api/v1/discovery/seats/{accountId}/settings', { params: { path: { accountId } } })),
  });
}

// A new N changes which seats count as unused, so every seat count and list is refetched.
export function useSaveSeatSettings(accountId: string) {
  const api = useApi();
  const onSuccess = useInvalidateDiscovery();
  return useMutation({
    mutationFn: (body: SeatSettingsBody) =>
      unwrap(api.PUT('/api/v1/discovery/seats/{accountId}/settings', { params: { path: { accountId } }, body })),
    onSuccess,
  });
}
