import type { QueryOf } from '../../api/types';
import { type SortParam, searchBoolean, searchEnum, searchSort, searchText } from '../../ui/search-params';

type ServicesQuery = QueryOf<'/api/v1/services'>;
type UsersQuery = QueryOf<'/api/v1/users'>;
type GroupsQuery = QueryOf<'/api/v1/discovery/groups'>;
type ReclaimableQuery = QueryOf<'/api/v1/discovery/seats/{accountId}/reclaimable'>;

export type ServiceStatus = NonNullable<ServicesQuery['status']>;
export type UserStatus = NonNullable<UsersQuery['status']>;
type PositiveSort<S> = S extends `-${string}` ? never : S;
export type ServiceSortKey = PositiveSort<NonNullable<ServicesQuery['sort']>>;
export type UserSortKey = PositiveSort<NonNullable<UsersQuery['sort']>>;
export type GroupSortKey = PositiveSort<NonNullable<GroupsQuery['sort']>>;
export type SeatSortKey = PositiveSort<NonNullable<ReclaimableQuery['sort']>>;
export type SeatReason = NonNullable<ReclaimableQuery['reason']>;

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

export const GROUP_SORT_KEYS: Record<GroupSortKey, true> = {
  name: true,
  customers: true,
  users: true,
  firstSeen: true,
  lastSeen: true,
};
export const SEAT_SORT_KEYS: Record<SeatSortKey, true> = { username: true, lastSuccess: true };
export const SEAT_REASON_LABELS: Record<SeatReason, string> = {
  'never-enrolled': 'Never enrolled',
  'denied-only': 'Denied only',
  inactive: 'Inactive',
};

// One account's tabs.
export const SAAS_TABS = {
  services: 'Services',
  users: 'Users',
  seats: 'Unused seats',
  actions: 'Action log',
} as const;
export type SaasTab = keyof typeof SAAS_TABS;

// With no account chosen: views over every account.
export const OVERVIEW_TABS = { accounts: 'By account', groups: 'Across customers', seats: 'Unused seats' } as const;
export type OverviewTab = keyof typeof OVERVIEW_TABS;

// "Seen in the last N days": the URL keeps the window, the query computes the instant when it runs.
export const SEEN_WINDOWS = { 7: 'Last 7 days', 30: 'Last 30 days', 90: 'Last 90 days' } as const;
export type SeenWindow = keyof typeof SEEN_WINDOWS;

// The SaaS screen's state in the URL: the account, the tab, and each tab's own filters and sort (the tabs'
// sort orders differ, so they do not share one parameter). `view` is the tab shown when no account is chosen.
export interface SaasSearch {
  accountId?: string | undefined;
  tab?: SaasTab | undefined;
  view?: OverviewTab | undefined;
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
  groupQ?: string | undefined;
  groupMatched?: boolean | undefined;
  groupSort?: SortParam<GroupSortKey> | undefined;
  reason?: SeatReason | undefined;
  seatSort?: SortParam<SeatSortKey> | undefined;
}

export type SetSaasSearch = (patch: Partial<SaasSearch>) => void;

export function searchTab(value: unknown): SaasTab | undefined {
  return searchEnum(SAAS_TABS, value);
}

export function searchView(value: unknown): OverviewTab | undefined {
  return searchEnum(OVERVIEW_TABS, value);
}

export function parseSaasSearch(raw: Record<string, unknown>): SaasSearch {
  const seen = Number(raw['seenDays']);
  return {
    accountId: searchText(raw['accountId']),
    tab: searchTab(raw['tab']),
    view: searchView(raw['view']),
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
    groupQ: searchText(raw['groupQ']),
    groupMatched: searchBoolean(raw['groupMatched']),
    groupSort: searchSort(GROUP_SORT_KEYS, raw['groupSort']),
    reason: searchEnum(SEAT_REASON_LABELS, raw['reason']),
    seatSort: searchSort(SEAT_SORT_KEYS, raw['seatSort']),
  };
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
