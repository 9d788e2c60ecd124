import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from '../../api/types';
import { useCursorList } from '../../ui/use-cursor-list';

export type AlertItem = ItemOf<'/api/v1/alerts'>;
export type AlertRule = ItemOf<'/api/v1/alerts/rules'>;
export type AlertChannel = ItemOf<'/api/v1/alerts/channels'>;
export type Delivery = ItemOf<'/api/v1/alerts/deliveries'>;
export type NewRule = BodyOf<'/api/v1/alerts/rules', 'post'>;
export type RuleChanges = BodyOf<'/api/v1/alerts/rules/{id}', 'patch'>;
export type NewChannel = BodyOf<'/api/v1/alerts/channels', 'post'>;
export type ChannelChanges = BodyOf<'/api/v1/alerts/channels/{id}', 'patch'>;
export type TestOutcome = ResponseOf<'/api/v1/alerts/channels/{id}/test', 'post'>['outcome'];
export type AlertsQuery = QueryOf<'/api/v1/alerts'>;
export type DeliveriesQuery = QueryOf<'/api/v1/alerts/deliveries'>;

// Every alerts query key starts here, so one invalidation after a change refreshes rules, channels, alerts
// and the log together (a rule's deletion resolves its alerts; a channel's deletion changes the rules).
// Kept in this feature because the shared queryKeys list is outside this feature's files.
export const ALERTS_KEY = ['alerts'] as const;
const key = (...parts: unknown[]): QueryKey => [...ALERTS_KEY, ...parts];
const withCursor = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });

// Pickers need every rule or channel, not one page: follow the cursors, bounded like the account picker.
const PICKER_PAGE = '200';
const MAX_PAGES = 10;
async function allPages<T>(fetchPage: (query: { limit: string; cursor?: string }) => Promise<Page<T>>) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetchPage({ limit: PICKER_PAGE, ...withCursor(cursor) });
    items.push(...answer.items);
    if (answer.nextCursor === null) break;
    cursor = answer.nextCursor;
  }
  return items;
}

export function useAlerts(query: AlertsQuery) {
  const api = useApi();
  return useCursorList(key('list', query), (cursor) =>
    unwrap(api.GET('/api/v1/alerts', { params: { query: { ...query, ...withCursor(cursor) } } })),
  );
}

export function useDeliveries(query: DeliveriesQuery) {
  const api = useApi();
  return useCursorList(key('deliveries', query), (cursor) =>
    unwrap(api.GET('/api/v1/alerts/deliveries', { params: { query: { ...query, ...withCursor(cursor) } } })),
  );
}

export function useRules() {
  const api = useApi();
  return useCursorList(key('rules', 'list'), (cursor) =>
    unwrap(api.GET('/api/v1/alerts/rules', { params: { query: withCursor(cursor) } })),
  );
}

export function useChannels() {
  const api = useApi();
  return useCursorList(key('channels', 'list'), (cursor) =>
    unwrap(api.GET('/api/v1/alerts/channels', { params: { query: withCursor(cursor) } })),
  );
}

export function useAllRules() {
  const api = useApi();
  return useQuery({
    queryKey: key('rules', 'all'),
    queryFn: () => allPages((query) => unwrap(api.GET('/api/v1/alerts/rules', { params: { query } }))),
  });
}

export function useAllChannels() {
  const api = useApi();
  return useQuery({
    queryKey: key('channels', 'all'),
    queryFn: () => allPages((query) => unwrap(api.GET('/api/v1/alerts/channels', { params: { query } }))),
  });
}

// The PSA's service boards a ticket channel can file on (read from the PSA when asked, so not cached long).
export function useTicketBoards() {
  const api = useApi();
  return useQuery({
    queryKey: key('boards'),
    queryFn: async () => (await unwrap(api.GET('/api/v1/psa/boards'))).items,
  });
}

// After any change every alerts list may be stale: refetch them all.
function useAlertsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: ALERTS_KEY }) });
}

export function useCreateRule() {
  const api = useApi();
  return useAlertsMutation((body: NewRule) => unwrap(api.POST('/api/v1/alerts/rules', { body })));
}

export function useUpdateRule(id: string) {
  const api = useApi();
  return useAlertsMutation((body: RuleChanges) =>
    unwrap(api.PATCH('/api/v1/alerts/rules/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeleteRule(id: string) {
  const api = useApi();
  return useAlertsMutation(() => unwrap(api.DELETE('/api/v1/alerts/rules/{id}', { params: { path: { id } } })));
}

export function useCreateChannel() {
  const api = useApi();
  return useAlertsMutation((body: NewChannel) => unwrap(api.POST('/api/v1/alerts/channels', { body })));
}

export function useUpdateChannel(id: string) {
  const api = useApi();
  return useAlertsMutation((body: ChannelChanges) =>
    unwrap(api.PATCH('/api/v1/alerts/channels/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeleteChannel(id: string) {
  const api = useApi();
  return useAlertsMutation(() => unwrap(api.DELETE('/api/v1/alerts/channels/{id}', { params: { path: { id } } })));
}

// A test changes nothing stored (the outcome stays in the mutation, shown in its dialog), so no refetch.
export function useTestChannel(id: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (accountId: string | undefined) =>
      (
        await unwrap(
          api.POST('/api/v1/alerts/channels/{id}/test', {
            params: { path: { id } },
            body: accountId === undefined ? {} : { accountId },
          }),
        )
      ).outcome,
  });
}
