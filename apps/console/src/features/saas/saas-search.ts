import type { QueryOf } from '../../api/types';
import { type SortParam, searchBoolean, searchEnum, searchSort, searchText } from '../../ui/search-params';

type ServicesQuery = QueryOf<'/api/v1/services'>;
type UsersQuery = QueryOf<'/api/v1/users'>;

export type ServiceStatus = NonNullable<ServicesQuery['status']>;
export type UserStatus = NonNullable<UsersQuery['status']>;
type PositiveSort<S> = S extends `-${string}` ? never : S;
export type ServiceSortKey = PositiveSort<NonNullable<ServicesQuery['sort']>>;
export type UserSortKey = PositiveSort<NonNullable<UsersQuery['sort']>>;

// Records over the API's unions: a value the API drops or adds fails to compile until this list follows.
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = { new: 'New', known: 'Known', ignored: 'Ignored' };
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  bypass: 'Bypass',
  disabled: 'Disabled',
  'locked out': 'Locked out',
  'pending deletion': 'Pending deletion',
};
export const SERVICE_SORT_KEYS: Record<ServiceSortKey, true> = {
  name: true,
  lastSeen: true,
  firstSeen: true,
  userCount: true,
  authCount: true,
};
export const USER_SORT_KEYS: Record<UserSortKey, true> = {
  username: true,
  lastSeen: true,
  authCount: true,
  serviceCount: true,
  lastSuccess: true,
};

export const SAAS_TABS = { services: 'Services', users: 'Users', actions: 'Action log' } as const;
export type SaasTab = keyof typeof SAAS_TABS;

// "Seen in the last N days": the URL keeps the window, the query computes the instant when it runs.
export const SEEN_WINDOWS = { 7: 'Last 7 days', 30: 'Last 30 days', 90: 'Last 90 days' } as const;
export type SeenWindow = keyof typeof SEEN_WINDOWS;

// The SaaS screen's state in the URL: the account, the tab, and each tab's own filters and sort (the tabs'
// sort orders differ, so they do not share one parameter).
export interface SaasSearch {
  accountId?: string | undefined;
  tab?: SaasTab | undefined;
  q?: string | undefined;
  status?: ServiceStatus | undefined;
  matched?: boolean | undefined;
  includeMerged?: boolean | undefined;
  seenDays?: SeenWindow | undefined;
  sort?: SortParam<ServiceSortKey> | undefined;
  userQ?: string | undefined;
  userStatus?: UserStatus | undefined;
  removed?: boolean | undefined;
  userSort?: SortParam<UserSortKey> | undefined;
  automatic?: boolean | undefined;
}

export type SetSaasSearch = (patch: Partial<SaasSearch>) => void;

export function searchTab(value: unknown): SaasTab | undefined {
  return searchEnum(SAAS_TABS, value);
}

export function parseSaasSearch(raw: Record<string, unknown>): SaasSearch {
  const seen = Number(raw['seenDays']);
  return {
    accountId: searchText(raw['accountId']),
    tab: searchTab(raw['tab']),
    q: searchText(raw['q']),
    status: searchEnum(SERVICE_STATUS_LABELS, raw['status']),
    matched: searchBoolean(raw['matched']),
    includeMerged: searchBoolean(raw['includeMerged']),
    seenDays: seen in SEEN_WINDOWS ? (seen as SeenWindow) : undefined,
    sort: searchSort(SERVICE_SORT_KEYS, raw['sort']),
    userQ: searchText(raw['userQ']),
    userStatus: searchEnum(USER_STATUS_LABELS, raw['userStatus']),
    removed: searchBoolean(raw['removed']),
    userSort: searchSort(USER_SORT_KEYS, raw['userSort']),
    automatic: searchBoolean(raw['automatic']),
  };
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
