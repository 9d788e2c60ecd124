import { searchEnum, searchText } from '../../ui/search-params';
import type { AlertItem, Delivery } from './alerts-queries';

export const ALERTS_TABS = {
  alerts: 'Alerts',
  rules: 'Rules',
  channels: 'Channels',
  deliveries: 'Deliveries',
} as const;
export type AlertsTab = keyof typeof ALERTS_TABS;

// Records over the API's unions: a state the API adds or drops fails to compile until these follow.
export const ALERT_STATE_LABELS: Record<AlertItem['state'], string> = { open: 'Open', resolved: 'Resolved' };
export const DELIVERY_STATE_LABELS: Record<Delivery['state'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
  digested: 'In a digest',
};

// The alerts list opens on the open alerts; "all" is spelled out in the URL since no state means open.
export const ALERT_STATE_FILTERS = { ...ALERT_STATE_LABELS, all: 'All' } as const;
export type AlertStateFilter = keyof typeof ALERT_STATE_FILTERS;

// The alerts screen's state in the URL: the tab and each tab's own filters.
export interface AlertsSearch {
  tab?: AlertsTab | undefined;
  state?: AlertStateFilter | undefined;
  ruleId?: string | undefined;
  accountId?: string | undefined;
  deliveryState?: Delivery['state'] | undefined;
  channelId?: string | undefined;
}

export type SetAlertsSearch = (patch: Partial<AlertsSearch>) => void;

export function parseAlertsSearch(raw: Record<string, unknown>): AlertsSearch {
  return {
    tab: searchEnum(ALERTS_TABS, raw['tab']),
    state: searchEnum(ALERT_STATE_FILTERS, raw['state']),
    ruleId: searchText(raw['ruleId']),
    accountId: searchText(raw['accountId']),
    deliveryState: searchEnum(DELIVERY_STATE_LABELS, raw['deliveryState']),
    channelId: searchText(raw['channelId']),
  };
}

export function labelOptions<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
